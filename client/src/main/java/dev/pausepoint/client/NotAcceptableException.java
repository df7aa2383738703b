package dev.pausepoint.client;

/** 406 {@code NOT_ACCEPTABLE}: {@code Accept} excludes JSON. */
public class NotAcceptableException extends PausePointException {

    public NotAcceptableException(ApiError error) {
        super(error);
    }
}
