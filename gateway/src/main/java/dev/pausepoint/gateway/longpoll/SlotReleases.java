package dev.pausepoint.gateway.longpoll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Slots given back to Redis together: one {@code ZREM} per developer and mode for every slot given back
 * within {@code window}, instead of one command per wait. 10,000 waits answered by one change end within
 * about a second, and a command each was a Redis round trip, its encoding and its timer each
 * (docs/api-decisions.md, "Pauses", Long-poll).
 *
 * <p>A slot given back but not yet sent is still counted in Redis for at most {@code window}. This
 * instance's next claim on the same key takes those slots along and removes them in its own script, so
 * the developer's own next wait through this instance is never refused for them; another instance may
 * count them for that moment, as it may count a slot whose wait is just ending. A gateway that dies with
 * releases not yet sent leaves those slots to lapse, as any slot it held.
 */
final class SlotReleases {

    private static final Logger log = LoggerFactory.getLogger(SlotReleases.class);
    /** Members in one ZREM at most: a few kilobytes of command, a short time in Redis. */
    static final int MAX_PER_COMMAND = 500;

    private final ReactiveStringRedisTemplate redis;
    private final Duration window;
    private final Duration timeout;
    private final Scheduler timer;
    private final Map<String, Set<String>> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean flushPlanned = new AtomicBoolean();

    SlotReleases(ReactiveStringRedisTemplate redis, Duration window, Duration timeout, Scheduler timer) {
        this.redis = redis;
        this.window = window;
        this.timeout = timeout;
        this.timer = timer;
    }

    /** Gives {@code member}'s slot under {@code key} back within the window. */
    void add(String key, String member) {
        pending.compute(key, (k, members) -> {
            Set<String> all = members == null ? new HashSet<>() : members;
            all.add(member);
            return all;
        });
        // Read after the add: a flush that already cleared its flag will still see this member.
        if (flushPlanned.compareAndSet(false, true)) {
            timer.schedule(this::flush, window.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** The slots under {@code key} given back and not yet sent, which the caller now removes itself. */
    List<String> take(String key) {
        Set<String> members = pending.remove(key);
        return members == null ? List.of() : List.copyOf(members);
    }

    /** Slots that {@link #take} handed out and that could not be removed: they go with the next batch. */
    void putBack(String key, Collection<String> members) {
        members.forEach(member -> add(key, member));
    }

    /** Slots given back and not yet sent, over every key (for tests). */
    int pendingCount() {
        return pending.values().stream().mapToInt(Set::size).sum();
    }

    private void flush() {
        flushPlanned.set(false);
        for (String key : pending.keySet()) {
            Set<String> members = pending.remove(key);
            if (members != null) {
                send(key, new ArrayList<>(members));
            }
        }
    }

    private void send(String key, List<String> members) {
        for (int from = 0; from < members.size(); from += MAX_PER_COMMAND) {
            Object[] chunk = members.subList(from, Math.min(members.size(), from + MAX_PER_COMMAND)).toArray();
            redis.opsForZSet().remove(key, chunk).timeout(timeout)
                    // Slots that could not be given back lapse on their own.
                    .doOnError(error -> log.debug("Giving back {} long-poll slots failed: {}", chunk.length,
                            error.toString()))
                    .onErrorResume(error -> Mono.empty())
                    .subscribe();
        }
    }
}
