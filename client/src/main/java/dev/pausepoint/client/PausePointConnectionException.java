package dev.pausepoint.client;

/**
 * No answer came: the connection was refused or broke, or the request timed out (after the retries the
 * call allowed). {@link #status()} is 0 and {@link #code()} {@code CONNECTION_FAILED}; the cause is the
 * JDK's exception.
 */
public class PausePointConnectionException extends PausePointException {

    /** The client's own code for a call that got no answer; no server sends it. */
    public static final String CODE = "CONNECTION_FAILED";

    public PausePointConnectionException(String message, Throwable cause) {
        super(ApiError.noAnswer(CODE, message), cause);
    }
}
