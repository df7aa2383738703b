package dev.pausepoint.gateway.longpoll;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The long-polls parked on this gateway instance, by pause id: each is a one-shot signal that
 * {@link #wake} completes. A waiter is registered before its first read of the pause, so a change
 * committed while that read is in flight still wakes it: {@link Waiter#woken()} remembers a wake that
 * came before anyone listened.
 *
 * <p>Every change to a pause's set happens inside the map's own atomic update, so a waiter cannot be
 * added to a set that {@link #wake} has just taken away.
 */
class PauseWakes {

    private final Map<String, Set<Waiter>> waiting = new ConcurrentHashMap<>();

    /** Parks a new waiter on {@code pauseId}; give it back with {@link #remove} whatever happens. */
    Waiter register(String pauseId) {
        Waiter waiter = new Waiter();
        waiting.compute(pauseId, (id, set) -> {
            Set<Waiter> waiters = set == null ? ConcurrentHashMap.newKeySet(2) : set;
            waiters.add(waiter);
            return waiters;
        });
        return waiter;
    }

    void remove(String pauseId, Waiter waiter) {
        waiting.computeIfPresent(pauseId, (id, set) -> {
            set.remove(waiter);
            return set.isEmpty() ? null : set;
        });
    }

    /** Wakes every waiter of {@code pauseId} once and forgets them; how many there were. */
    int wake(String pauseId) {
        Set<Waiter> woken = waiting.remove(pauseId);
        if (woken == null) {
            return 0;
        }
        woken.forEach(Waiter::wake);
        return woken.size();
    }

    /** Pauses with at least one waiter now (for tests). */
    int pausesWaitedOn() {
        return waiting.size();
    }

    /** One parked long-poll's signal. */
    static final class Waiter {

        private final Sinks.Empty<Void> signal = Sinks.empty();

        private void wake() {
            signal.tryEmitEmpty();
        }

        /** Completes when the pause changed, at once if it already did since registration. */
        Mono<Void> woken() {
            return signal.asMono();
        }
    }
}
