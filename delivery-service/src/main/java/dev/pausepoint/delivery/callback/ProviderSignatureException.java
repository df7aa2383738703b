package dev.pausepoint.delivery.callback;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import java.time.Duration;

/** A provider callback we cannot verify: 401, and nothing changes. */
public class ProviderSignatureException extends ApiException {

    public ProviderSignatureException(String provider) {
        super(ErrorCode.INVALID_CREDENTIALS, "The " + provider + " signature of this request does not verify.");
    }

    private ProviderSignatureException(String provider, String message) {
        super(ErrorCode.INVALID_CREDENTIALS, message);
    }

    /** Signed, perhaps, but not now: a replay of an old call, or one stamped ahead to outlive its window. */
    static ProviderSignatureException notFresh(String provider, Duration tolerance) {
        return new ProviderSignatureException(provider, "The " + provider + " timestamp of this request is not within "
                + tolerance.toMinutes() + " minutes of now; a replayed call is refused.");
    }
}
