package dev.pausepoint.client;

/**
 * 503 {@code SERVICE_UNAVAILABLE}: a service down, timing out or dying behind the gateway; Paddle failing at
 * checkout; a long-poll limit per instance, a gateway instance holding its maximum of request bodies, or a
 * pause-service instance writing its maximum of audit exports ({@code Retry-After}).
 */
public class ServiceUnavailableException extends PausePointException {

    public ServiceUnavailableException(ApiError error) {
        super(error);
    }
}
