package dev.pausepoint.client;

/**
 * 400 {@code INVALID_TOKEN}: a response or reset token is malformed, its signature does not verify, or it names
 * nothing we know.
 */
public class InvalidTokenException extends PausePointException {

    public InvalidTokenException(ApiError error) {
        super(error);
    }
}
