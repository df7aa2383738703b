package dev.pausepoint.gateway.body;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.RetryLaterException;
import org.springframework.util.unit.DataSize;

/**
 * 503 for a body that would take this instance past its ceiling of bytes held for request bodies. Those
 * are forwarded, refused or timed out within the body timeout, so the room comes back quickly.
 */
class BodyBuffersFullException extends RetryLaterException {

    BodyBuffersFullException(DataSize max) {
        super(ErrorCode.SERVICE_UNAVAILABLE, "This gateway instance is already holding its maximum of "
                + max.toMegabytes() + " MB of request bodies. Retry after 1 s.", 1);
    }
}
