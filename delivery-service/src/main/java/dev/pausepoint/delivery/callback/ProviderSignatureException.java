package dev.pausepoint.delivery.callback;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;

/** A provider callback we cannot verify: 401, and nothing changes. */
public class ProviderSignatureException extends ApiException {

    public ProviderSignatureException(String provider) {
        super(ErrorCode.INVALID_CREDENTIALS, "The " + provider + " signature of this request does not verify.");
    }
}
