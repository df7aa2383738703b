package dev.pausepoint.client;

/**
 * 408 {@code REQUEST_TIMEOUT}: a request body not complete 10 s after its headers (gateway); the connection is
 * closed.
 */
public class RequestTimeoutException extends PausePointException {

    public RequestTimeoutException(ApiError error) {
        super(error);
    }
}
