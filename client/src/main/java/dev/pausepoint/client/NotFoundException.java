package dev.pausepoint.client;

/** 404 {@code NOT_FOUND}: any other unknown path (also paths the gateway refuses to read, Errors). */
public class NotFoundException extends PausePointException {

    public NotFoundException(ApiError error) {
        super(error);
    }
}
