package dev.pausepoint.client;

/**
 * 400 {@code INVALID_CHANNEL}: {@code channel} is missing, not a string, or not one of {@code sms}, {@code
 * email}, {@code slack}.
 */
public class InvalidChannelException extends PausePointException {

    public InvalidChannelException(ApiError error) {
        super(error);
    }
}
