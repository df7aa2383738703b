package dev.pausepoint.client;

/** 500 {@code INTERNAL_ERROR}: a bug; the message quotes the request id, never internals. */
public class InternalErrorException extends PausePointException {

    public InternalErrorException(ApiError error) {
        super(error);
    }
}
