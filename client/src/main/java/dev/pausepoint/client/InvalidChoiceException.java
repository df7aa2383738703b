package dev.pausepoint.client;

/** 400 {@code INVALID_CHOICE}: a response's {@code choice} is not one of the pause's options. */
public class InvalidChoiceException extends PausePointException {

    public InvalidChoiceException(ApiError error) {
        super(error);
    }
}
