package dev.pausepoint.errors;

import java.time.Duration;
import java.util.Map;

/**
 * A refusal that passes with time, such as a cap on requests in flight: it carries {@code Retry-After},
 * in whole seconds and at least 1 (a client told 0 would retry at once and be refused again).
 */
public class RetryLaterException extends ApiException {

    private final long retryAfterSeconds;

    public RetryLaterException(ErrorCode code, String message, long retryAfterSeconds) {
        super(code, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Whole seconds of {@code duration}, rounded up, at least 1. */
    public static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, String> responseHeaders() {
        return Map.of("Retry-After", String.valueOf(retryAfterSeconds));
    }
}
