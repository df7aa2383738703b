package dev.pausepoint.client;

/** 409 {@code ALREADY_RESPONDED}: cancel on a pause that has a human response. */
public class AlreadyRespondedException extends PauseNotPendingException {

    public AlreadyRespondedException(ApiError error) {
        super(error);
    }
}
