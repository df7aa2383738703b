package dev.pausepoint.client;

/** 413 {@code PAYLOAD_TOO_LARGE}: a body over 64 KB. */
public class PayloadTooLargeException extends PausePointException {

    public PayloadTooLargeException(ApiError error) {
        super(error);
    }
}
