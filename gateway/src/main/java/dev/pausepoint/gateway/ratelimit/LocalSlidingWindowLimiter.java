package dev.pausepoint.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The same windows in this instance's memory, used only while Redis is unreachable: limits keep
 * holding per instance (not across instances) instead of vanishing. Windows idle for a full window
 * are dropped, and their number is bounded.
 */
public class LocalSlidingWindowLimiter implements SlidingWindowLimiter {

    private final Duration window;
    private final Cache<String, Deque<Long>> windows;

    public LocalSlidingWindowLimiter(Duration window, long maximumWindows) {
        this.window = window;
        this.windows = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(maximumWindows).build();
    }

    @Override
    public Mono<Decision> check(List<Layer> layers, long nowMillis, String requestId) {
        return Mono.fromSupplier(() -> decide(layers, nowMillis));
    }

    private Decision decide(List<Layer> layers, long now) {
        // Lock the layers in one global order so two requests sharing layers cannot deadlock.
        List<Deque<Long>> deques = layers.stream()
                .map(layer -> windows.get(layer.key(), key -> new ArrayDeque<>()))
                .toList();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> layers.get(i).key()));
        return lockAll(order, 0, deques, () -> {
            List<WindowState> states = new ArrayList<>();
            int rejected = -1;
            for (int i = 0; i < layers.size(); i++) {
                Deque<Long> entries = deques.get(i);
                while (!entries.isEmpty() && entries.peekFirst() <= now - window.toMillis()) {
                    entries.pollFirst();
                }
                long count = entries.size();
                long oldest = entries.isEmpty() ? -1 : entries.peekFirst();
                long needed = -1;
                if (count >= layers.get(i).limit()) {
                    needed = entries.stream().skip(count - layers.get(i).limit()).findFirst().orElse(-1L);
                    if (rejected < 0) {
                        rejected = i;
                    }
                }
                states.add(new WindowState(count, oldest, needed));
            }
            if (rejected < 0) {
                deques.forEach(entries -> entries.addLast(now));
            }
            return Decision.of(layers, states, rejected, now, window);
        });
    }

    private static Decision lockAll(List<Integer> order, int index, List<Deque<Long>> deques,
            java.util.function.Supplier<Decision> action) {
        if (index == order.size()) {
            return action.get();
        }
        synchronized (deques.get(order.get(index))) {
            return lockAll(order, index + 1, deques, action);
        }
    }
}
