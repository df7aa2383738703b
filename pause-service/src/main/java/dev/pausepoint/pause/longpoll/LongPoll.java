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
 */
public class LongPoll {

    public static final int MAX_WAIT_SECONDS = 30;

    private final PauseWaiters waiters;
    private final Executor completions;

    public LongPoll(PauseWaiters waiters, Executor completions) {
        this.waiters = waiters;
        this.completions = completions;
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
        waiters.add(pauseId, onChange);
        result.onTimeout(() -> {
            waiters.remove(pauseId, onChange);
            answer(result, read);
        });
        result.onCompletion(() -> waiters.remove(pauseId, onChange));
        T again = read.get();
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
