package dev.pausepoint.gateway.longpoll;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.RetryLaterException;
import java.time.Duration;

/** 503 for a long-poll when this gateway instance already carries as many as it lets through. */
class LongPollsBusyException extends RetryLaterException {

    LongPollsBusyException(int cap, Duration retryAfter) {
        super(ErrorCode.SERVICE_UNAVAILABLE, "This gateway instance is already carrying its maximum of " + cap
                + " waiting requests. Retry after " + seconds(retryAfter) + " s, or read the pause without wait.",
                seconds(retryAfter));
    }
}
