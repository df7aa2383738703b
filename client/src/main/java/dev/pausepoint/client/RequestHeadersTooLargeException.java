package dev.pausepoint.client;

/** 431 {@code REQUEST_HEADERS_TOO_LARGE}: request headers over 8 KB in all (gateway). */
public class RequestHeadersTooLargeException extends PausePointException {

    public RequestHeadersTooLargeException(ApiError error) {
        super(error);
    }
}
