package dev.pausepoint.pause.longpoll;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Requests parked until a pause leaves pending, at most {@code capacity} on this instance. A waiter is
 * only a callback in a map: no thread and no pooled connection is held while it waits, but its request
 * and connection are (about 80 KB of heap each, see docs/api-decisions.md, "Pauses"), hence the cap. {@link #wake} runs the
 * callbacks of a pause once and forgets them.
 *
 * <p>Every change to a pause's set happens inside the map's own atomic update, so a waiter cannot be
 * added to a set that {@link #wake} has just taken away, and the count moves exactly once per waiter.
 */
public class PauseWaiters {

    private final Map<String, Set<Consumer<String>>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final int capacity;

    public PauseWaiters(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("long-poll capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Parks {@code onChange} on {@code pauseId}, or returns false when this instance is full. */
    public boolean tryAdd(String pauseId, Consumer<String> onChange) {
        int parked;
        do {
            parked = count.get();
            if (parked >= capacity) {
                return false;
            }
        } while (!count.compareAndSet(parked, parked + 1));
        boolean[] added = new boolean[1];
        waiting.compute(pauseId, (id, set) -> {
            Set<Consumer<String>> callbacks = set == null ? new HashSet<>() : set;
            added[0] = callbacks.add(onChange);
            return callbacks;
        });
        if (!added[0]) {
            count.decrementAndGet();
        }
        return true;
    }

    public void remove(String pauseId, Consumer<String> onChange) {
        waiting.computeIfPresent(pauseId, (id, set) -> {
            if (set.remove(onChange)) {
                count.decrementAndGet();
            }
            return set.isEmpty() ? null : set;
        });
    }

    public void wake(String pauseId) {
        Set<Consumer<String>> woken = waiting.remove(pauseId);
        if (woken != null) {
            count.addAndGet(-woken.size());
            woken.forEach(callback -> callback.accept(pauseId));
        }
    }

    /** Waiters parked now, on every pause. */
    public int count() {
        return count.get();
    }

    public int capacity() {
        return capacity;
    }
}
