package dev.pausepoint.client;

/** 404 {@code PAUSE_NOT_FOUND}: pause id unknown, another developer's, or of the other world. */
public class PauseNotFoundException extends PausePointException {

    public PauseNotFoundException(ApiError error) {
        super(error);
    }
}
