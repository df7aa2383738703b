package dev.pausepoint.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every limiter decision ({@code pausepoint.ratelimit.decisions}) by the layer that decided it (the one
 * that refused, or the tightest that allowed: {@code key}, {@code ip}, {@code auth}, {@code anon},
 * {@code callback}) and its outcome ({@code allowed}, {@code limited}). With
 * {@code pausepoint.ratelimit.local.decisions} and the gauge {@code pausepoint.ratelimit.fallback}
 * ({@link FailoverLimiter}) it shows whether limits hold and where they were counted.
 */
class RateLimitMetrics {

    private final MeterRegistry meters;

    RateLimitMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void decided(Decision decision) {
        Counter.builder("pausepoint.ratelimit.decisions").description("Rate-limit decisions")
                .tags("layer", layerName(decision.layer()), "outcome", decision.allowed() ? "allowed" : "limited")
                .register(meters).increment();
    }

    /** The kind of window, from its storage key ({@code rl:<layer>:<who>}). */
    static String layerName(Layer layer) {
        String[] parts = layer.key().split(":", 3);
        return parts.length == 3 ? parts[1] : "other";
    }
}
