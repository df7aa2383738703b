package dev.pausepoint.billing.subscription;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;

/** A notification that does not prove it came from Paddle: 401, and nothing is changed. */
public class PaddleSignatureException extends ApiException {

    public PaddleSignatureException(String reason) {
        super(ErrorCode.INVALID_CREDENTIALS, reason);
    }
}
