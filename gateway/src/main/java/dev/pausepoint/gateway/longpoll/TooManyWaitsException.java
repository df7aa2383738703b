package dev.pausepoint.gateway.longpoll;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.RetryLaterException;
import java.time.Duration;

/** 429 for the developer's long-poll past their concurrent cap, told when their oldest wait ends. */
class TooManyWaitsException extends RetryLaterException {

    TooManyWaitsException(int cap, Duration untilOldestWaitEnds) {
        super(ErrorCode.RATE_LIMITED, "Concurrent long-poll limit of " + cap + " waiting requests (GET /v1/pause/{id} "
                + "with wait) for this API key's mode exceeded. Retry after " + seconds(untilOldestWaitEnds) + " s.",
                seconds(untilOldestWaitEnds));
    }
}
