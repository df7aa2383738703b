package dev.pausepoint.client;

/**
 * 400 {@code INVALID_OPTIONS}: {@code options} is not an array of 2-5 distinct, non-blank strings of at most 100
 * characters.
 */
public class InvalidOptionsException extends PausePointException {

    public InvalidOptionsException(ApiError error) {
        super(error);
    }
}
