package dev.pausepoint.pause.longpoll;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.RetryLaterException;
import java.time.Duration;

/** 503 with {@code Retry-After}: this instance already parks as many long-polls as its heap allows. */
public class LongPollFullException extends RetryLaterException {

    public LongPollFullException(int capacity, Duration retryAfter) {
        super(ErrorCode.SERVICE_UNAVAILABLE, "This instance is already holding its maximum of " + capacity
                + " waiting requests. Retry after " + seconds(retryAfter) + " s, or read the pause without wait.",
                seconds(retryAfter));
    }
}
