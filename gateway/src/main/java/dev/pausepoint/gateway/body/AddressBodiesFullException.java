package dev.pausepoint.gateway.body;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.RetryLaterException;
import org.springframework.util.unit.DataSize;

/**
 * 429 for a body that would take its client address past its share of the bytes this instance holds for
 * request bodies: that address has too many bodies still arriving (or not yet answered).
 */
class AddressBodiesFullException extends RetryLaterException {

    AddressBodiesFullException(DataSize maxPerAddress) {
        super(ErrorCode.RATE_LIMITED, "This address already has " + maxPerAddress.toKilobytes()
                + " KB of request bodies on their way through this gateway instance. Finish or close those "
                + "requests, then retry after 1 s.", 1);
    }
}
