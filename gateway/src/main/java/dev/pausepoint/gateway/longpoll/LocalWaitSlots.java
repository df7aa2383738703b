package dev.pausepoint.gateway.longpoll;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * The same slots in this instance's memory, used only while Redis is unreachable: the cap keeps holding
 * per instance instead of vanishing. A developer's entry exists only while it holds slots.
 */
class LocalWaitSlots implements WaitSlots {

    private final Map<String, Map<String, Long>> held = new ConcurrentHashMap<>();

    @Override
    public Mono<Claim> claim(String key, String member, long nowMillis, long lapsesAt, int cap) {
        return Mono.fromSupplier(() -> {
            Claim[] claim = new Claim[1];
            held.compute(key, (k, slots) -> {
                Map<String, Long> live = slots == null ? new HashMap<>() : slots;
                live.values().removeIf(lapse -> lapse <= nowMillis);
                long earliest = live.values().stream().mapToLong(Long::longValue).min().orElse(-1);
                boolean granted = live.size() < cap;
                if (granted) {
                    live.put(member, lapsesAt);
                }
                claim[0] = new Claim(granted, earliest, this);
                return live.isEmpty() ? null : live;
            });
            return claim[0];
        });
    }

    @Override
    public Mono<Void> release(String key, String member) {
        return Mono.fromRunnable(() -> held.computeIfPresent(key, (k, slots) -> {
            slots.remove(member);
            return slots.isEmpty() ? null : slots;
        }));
    }

    /** Slots held now, over every developer (for tests). */
    int size() {
        return held.values().stream().mapToInt(Map::size).sum();
    }
}
