package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;

/** A transition asked of a pause that already left pending: the 409 names what happened to it. */
public class PauseAlreadyFinishedException extends ApiException {

    public PauseAlreadyFinishedException(String pauseId, PauseStatus status) {
        super(code(status), "Pause " + pauseId + " " + switch (status) {
            case RESPONDED -> "already has a response.";
            case CANCELLED -> "was already cancelled.";
            case TIMED_OUT -> "already timed out.";
            case PENDING -> throw new IllegalArgumentException("a pending pause is not finished");
        });
    }

    private static ErrorCode code(PauseStatus status) {
        return switch (status) {
            case RESPONDED -> ErrorCode.ALREADY_RESPONDED;
            case CANCELLED -> ErrorCode.ALREADY_CANCELLED;
            case TIMED_OUT -> ErrorCode.ALREADY_TIMED_OUT;
            case PENDING -> throw new IllegalArgumentException("a pending pause is not finished");
        };
    }
}
