package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;

/** Unknown, or another developer's or another world's: the same answer, so ids leak nothing. */
public class PauseNotFoundException extends ApiException {

    public PauseNotFoundException(String pauseId) {
        super(ErrorCode.PAUSE_NOT_FOUND, "No pause " + pauseId + ".");
    }
}
