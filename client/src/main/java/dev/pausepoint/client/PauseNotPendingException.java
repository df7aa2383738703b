package dev.pausepoint.client;

/**
 * 409: the pause has already ended, so it cannot be cancelled (or answered). The subclass says how it
 * ended; catch this one to treat every end alike.
 */
public abstract class PauseNotPendingException extends PausePointException {

    protected PauseNotPendingException(ApiError error) {
        super(error);
    }
}
