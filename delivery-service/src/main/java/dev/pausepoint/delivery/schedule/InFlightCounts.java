package dev.pausepoint.delivery.schedule;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many items of each key (a developer, an endpoint) this instance has in flight. A claim reads a
 * snapshot and asks the database only for what fits beside it; counts only fall between the snapshot
 * and the claim (work finishes on other threads, it starts only on the loop's), so a claim never
 * overshoots a cap.
 */
public final class InFlightCounts {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    public void add(String key) {
        counts.merge(key, 1, Integer::sum);
    }

    public void remove(String key) {
        counts.computeIfPresent(key, (k, count) -> count == 1 ? null : count - 1);
    }

    /** A copy, for one claim. */
    public Map<String, Integer> snapshot() {
        return Map.copyOf(counts);
    }
}
