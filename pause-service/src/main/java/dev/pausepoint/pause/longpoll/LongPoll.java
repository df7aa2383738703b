package dev.pausepoint.pause.longpoll;

import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.pause.pause.PauseService;
import dev.pausepoint.pause.pause.PauseView;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * {@code GET /v1/pause/{id}?wait=N}: answers at once unless the pause is pending, then parks the
 * request until a change is heard or {@code N} seconds pass, and answers with the state at that moment.
 * Reading the pause again after registering closes the gap between the first read and the wait.
 */
public class LongPoll {

    public static final int MAX_WAIT_SECONDS = 30;

    private final PauseService pauses;
    private final PauseWaiters waiters;
    private final Executor completions;

    public LongPoll(PauseService pauses, PauseWaiters waiters, Executor completions) {
        this.pauses = pauses;
        this.waiters = waiters;
        this.completions = completions;
    }

    public DeferredResult<PauseView> await(CallerIdentity caller, String pauseId, int waitSeconds) {
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
            throw new ValidationException("wait", "must be between 0 and " + MAX_WAIT_SECONDS + " seconds");
        }
        PauseView now = pauses.get(caller, pauseId);
        DeferredResult<PauseView> result = new DeferredResult<>(Duration.ofSeconds(waitSeconds).toMillis());
        if (waitSeconds == 0 || !"pending".equals(now.status())) {
            result.setResult(now);
            return result;
        }
        Consumer<String> onChange = id -> completions.execute(() -> answer(result, caller, pauseId));
        waiters.add(pauseId, onChange);
        result.onTimeout(() -> {
            waiters.remove(pauseId, onChange);
            answer(result, caller, pauseId);
        });
        result.onCompletion(() -> waiters.remove(pauseId, onChange));
        PauseView again = pauses.get(caller, pauseId);
        if (!"pending".equals(again.status())) {
            waiters.remove(pauseId, onChange);
            result.setResult(again);
        }
        return result;
    }

    private void answer(DeferredResult<PauseView> result, CallerIdentity caller, String pauseId) {
        if (result.isSetOrExpired() && result.hasResult()) {
            return;
        }
        try {
            result.setResult(pauses.get(caller, pauseId));
        } catch (RuntimeException e) {
            result.setErrorResult(e);
        }
    }
}
