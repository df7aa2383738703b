package dev.pausepoint.pause.longpoll;

import dev.pausepoint.errors.ValidationException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * {@code ?wait=N}: answers at once unless the thing read is still pending, then parks the request
 * until a change to {@code pauseId} is heard or {@code N} seconds pass, and answers with a fresh read.
 * Reading again after registering closes the gap between the first read and the wait. It knows
 * nothing of pauses beyond their id: the caller says how to read and what "pending" is.
 *
 * <p>When the instance already parks as many requests as its heap allows, a request that would wait is
 * refused with {@link LongPollFullException} (503, {@code Retry-After}) rather than answered early: an
 * early "pending" would break the promise to answer only on a change or when the wait ends, and a
 * client looping on it would spin. A request that needs no wait is answered as always.
 *
 * <p>Tomcat does not notice that the client of a parked request went away (nothing reads the socket of
 * an async request), so such a waiter stays until its wait ends, at most {@link #MAX_WAIT_SECONDS}
 * seconds, and counts against the cap until then.
 */
public class LongPoll {

    public static final int MAX_WAIT_SECONDS = 30;

    private final PauseWaiters waiters;
    private final Executor completions;
    private final Duration retryWhenFull;

    public LongPoll(PauseWaiters waiters, Executor completions, Duration retryWhenFull) {
        this.waiters = waiters;
        this.completions = completions;
        this.retryWhenFull = retryWhenFull;
    }

    public <T> DeferredResult<T> await(String pauseId, int waitSeconds, Supplier<T> read, Predicate<T> pending) {
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
            throw new ValidationException("wait", "must be between 0 and " + MAX_WAIT_SECONDS + " seconds");
        }
        T now = read.get();
        DeferredResult<T> result = new DeferredResult<>(Duration.ofSeconds(waitSeconds).toMillis());
        if (waitSeconds == 0 || !pending.test(now)) {
            result.setResult(now);
            return result;
        }
        Consumer<String> onChange = id -> completions.execute(() -> answer(result, read));
        if (!waiters.tryAdd(pauseId, onChange)) {
            throw new LongPollFullException(waiters.capacity(), retryWhenFull);
        }
        result.onTimeout(() -> {
            waiters.remove(pauseId, onChange);
            answer(result, read);
        });
        result.onCompletion(() -> waiters.remove(pauseId, onChange));
        T again;
        try {
            again = read.get();
        } catch (RuntimeException e) {
            // The result is never handed to Spring, so no completion would ever remove the waiter.
            waiters.remove(pauseId, onChange);
            throw e;
        }
        if (!pending.test(again)) {
            waiters.remove(pauseId, onChange);
            result.setResult(again);
        }
        return result;
    }

    private static <T> void answer(DeferredResult<T> result, Supplier<T> read) {
        if (result.isSetOrExpired() && result.hasResult()) {
            return;
        }
        try {
            result.setResult(read.get());
        } catch (RuntimeException e) {
            result.setErrorResult(e);
        }
    }
}
