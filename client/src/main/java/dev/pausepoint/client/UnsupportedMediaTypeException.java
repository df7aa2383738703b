package dev.pausepoint.client;

/** 415 {@code UNSUPPORTED_MEDIA_TYPE}: a {@code Content-Type} other than JSON on a JSON endpoint. */
public class UnsupportedMediaTypeException extends PausePointException {

    public UnsupportedMediaTypeException(ApiError error) {
        super(error);
    }
}
