package dev.pausepoint.client;

/**
 * 410 {@code TOKEN_EXPIRED}: a response link past its expiry or of a timed-out pause; a reset link past its 30
 * minutes.
 */
public class TokenExpiredException extends PausePointException {

    public TokenExpiredException(ApiError error) {
        super(error);
    }
}
