package dev.pausepoint.pause.longpoll;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Requests parked until a pause leaves pending. A waiter is only a callback in a map: no thread and no
 * connection is held while it waits. {@link #wake} runs the callbacks of a pause once and forgets them.
 */
public class PauseWaiters {

    private final Map<String, Set<Consumer<String>>> waiting = new ConcurrentHashMap<>();

    public void add(String pauseId, Consumer<String> onChange) {
        waiting.computeIfAbsent(pauseId, id -> ConcurrentHashMap.newKeySet()).add(onChange);
    }

    public void remove(String pauseId, Consumer<String> onChange) {
        waiting.computeIfPresent(pauseId, (id, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    public void wake(String pauseId) {
        Set<Consumer<String>> woken = waiting.remove(pauseId);
        if (woken != null) {
            woken.forEach(callback -> callback.accept(pauseId));
        }
    }

    public int count() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }
}
