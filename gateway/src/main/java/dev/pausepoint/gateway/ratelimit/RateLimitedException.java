package dev.pausepoint.gateway.ratelimit;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** 429 with the layer that refused, when to retry, and the rate-limit headers of that layer. */
public class RateLimitedException extends ApiException {

    private final Decision decision;

    public RateLimitedException(Decision decision, Duration window) {
        super(ErrorCode.RATE_LIMITED, "Rate limit of " + decision.layer().limit() + " requests per "
                + window.toSeconds() + " s for " + decision.layer().description() + " exceeded. Retry after "
                + decision.retryAfterSeconds() + " s.");
        this.decision = decision;
    }

    @Override
    public Map<String, String> responseHeaders() {
        Map<String, String> headers = new LinkedHashMap<>(RateLimitFilter.headers(decision));
        headers.put("Retry-After", String.valueOf(decision.retryAfterSeconds()));
        return headers;
    }
}
