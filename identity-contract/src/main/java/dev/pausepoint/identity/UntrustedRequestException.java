package dev.pausepoint.identity;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;

/**
 * A request that did not come through the gateway, or an internal call without a valid credential.
 * The reason is logged, never sent: the caller learns only that it is not trusted.
 */
public class UntrustedRequestException extends ApiException {

    private final String reason;

    public UntrustedRequestException(String reason) {
        super(ErrorCode.INVALID_API_KEY, "This service only accepts requests forwarded by the PausePoint gateway.");
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
