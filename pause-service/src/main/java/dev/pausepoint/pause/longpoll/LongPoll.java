package dev.pausepoint.pause.longpoll;

import dev.pausepoint.errors.ValidationException;

/**
 * {@code ?wait=N} on a pause read. The wait is held by the gateway, which parks the request and reads
 * again when the pause changes (docs/api-decisions.md, "Pauses"); this service answers every read at
 * once. It still owns the parameter's validation, so a bad {@code wait} is its 422 as it always was: the
 * gateway forwards the request as the client sent it and returns that answer unchanged.
 */
public final class LongPoll {

    public static final int MAX_WAIT_SECONDS = 30;

    private LongPoll() {
    }

    /** Refuses a wait outside 0–30 seconds. */
    public static void checkWait(int waitSeconds) {
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
            throw new ValidationException("wait", "must be between 0 and " + MAX_WAIT_SECONDS + " seconds");
        }
    }
}
