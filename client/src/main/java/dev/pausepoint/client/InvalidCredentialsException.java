package dev.pausepoint.client;

/**
 * 401 {@code INVALID_CREDENTIALS}: wrong email or password on login; a provider callback or Paddle notification
 * whose signature does not verify.
 */
public class InvalidCredentialsException extends PausePointException {

    public InvalidCredentialsException(ApiError error) {
        super(error);
    }
}
