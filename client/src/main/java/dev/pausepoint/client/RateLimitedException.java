package dev.pausepoint.client;

/**
 * 429 {@code RATE_LIMITED}: a rate limit, the long-poll limit per developer, the login throttle, one address
 * holding its share of the gateway's unfinished request bodies, a webhook test while the endpoint's previous
 * test is not posted yet, or an audit export while the developer's previous one still runs; {@code Retry-After}
 * in whole seconds, at least 1.
 */
public class RateLimitedException extends PausePointException {

    public RateLimitedException(ApiError error) {
        super(error);
    }
}
