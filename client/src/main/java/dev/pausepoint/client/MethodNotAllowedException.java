package dev.pausepoint.client;

/** 405 {@code METHOD_NOT_ALLOWED}: a known path with another method; {@code Allow} lists the methods. */
public class MethodNotAllowedException extends PausePointException {

    public MethodNotAllowedException(ApiError error) {
        super(error);
    }
}
