package dev.pausepoint.client;

/** 409 {@code ALREADY_TIMED_OUT}: cancel on a pause that timed out (or is pending past its expiry). */
public class AlreadyTimedOutException extends PauseNotPendingException {

    public AlreadyTimedOutException(ApiError error) {
        super(error);
    }
}
