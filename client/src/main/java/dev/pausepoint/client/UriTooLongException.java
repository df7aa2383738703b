package dev.pausepoint.client;

/** 414 {@code URI_TOO_LONG}: a request line over 4 KB (gateway). */
public class UriTooLongException extends PausePointException {

    public UriTooLongException(ApiError error) {
        super(error);
    }
}
