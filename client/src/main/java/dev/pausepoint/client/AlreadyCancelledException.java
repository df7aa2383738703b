package dev.pausepoint.client;

/** 409 {@code ALREADY_CANCELLED}: cancel or respond on a cancelled pause. */
public class AlreadyCancelledException extends PauseNotPendingException {

    public AlreadyCancelledException(ApiError error) {
        super(error);
    }
}
