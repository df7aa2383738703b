package dev.pausepoint.identity;

/**
 * A request that did not come through the gateway, or an internal call without a valid credential. The
 * message is the reason, for the log; the service answers the caller with a fixed refusal that names none
 * (the kit's trust filter renders it in the error envelope).
 */
public class UntrustedRequestException extends RuntimeException {

    public UntrustedRequestException(String reason) {
        // No stack trace: refusals are routine (probes, forged headers) and the reason says all there is.
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
