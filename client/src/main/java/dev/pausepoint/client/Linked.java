package dev.pausepoint.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The result of a call made of several steps in turn (retries, long-polls), and the step now running:
 * cancelling the result cancels that step, which for an HTTP exchange aborts the request.
 */
final class Linked<T> {

    final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile Future<?> current;

    Linked() {
        result.whenComplete((value, failure) -> {
            Future<?> step = current;
            if (result.isCancelled() && step != null) {
                step.cancel(true);
            }
        });
    }

    /** Makes {@code step} the running one; false (and the step cancelled) when the result is already done. */
    boolean follow(Future<?> step) {
        current = step;
        if (result.isDone()) {
            step.cancel(true);
            return false;
        }
        return true;
    }
}
