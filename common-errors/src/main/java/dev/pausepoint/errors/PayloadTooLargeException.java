package dev.pausepoint.errors;

import org.springframework.util.unit.DataSize;

/** A request body over the configured limit, found from Content-Length or while the body streams in. */
public class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(DataSize limit) {
        super(ErrorCode.PAYLOAD_TOO_LARGE, "Request body is larger than the limit of " + describe(limit) + ".");
    }

    private static String describe(DataSize limit) {
        long bytes = limit.toBytes();
        return bytes % 1024 == 0 ? (bytes / 1024) + " KB" : bytes + " bytes";
    }
}
