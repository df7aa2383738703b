package dev.pausepoint.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every limiter decision ({@code pausepoint.ratelimit.decisions}) by the layer that decided it (the one
 * that refused, or the tightest that allowed: {@code key}, {@code ip}, {@code auth}, {@code anon},
 * {@code callback}) and its outcome ({@code allowed}, {@code limited}). With
 * {@code pausepoint.ratelimit.local.decisions} and the gauge {@code pausepoint.ratelimit.fallback}
 * ({@link FailoverLimiter}) it shows whether limits hold and where they were counted.
 *
 * <p>The counters of a layer are registered once and kept: a builder, its tags and a registry look-up on
 * every request were work for nothing (docs/benchmark.md, "Where the CPU goes").
 */
class RateLimitMetrics {

    private final MeterRegistry meters;
    /** By layer name: the counter of allowed decisions, then that of limited ones. */
    private final Map<String, Counter[]> counters = new ConcurrentHashMap<>();

    RateLimitMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void decided(Decision decision) {
        Counter[] layer = counters.computeIfAbsent(layerName(decision.layer()),
                name -> new Counter[] {counter(name, "allowed"), counter(name, "limited")});
        layer[decision.allowed() ? 0 : 1].increment();
    }

    private Counter counter(String layer, String outcome) {
        return Counter.builder("pausepoint.ratelimit.decisions").description("Rate-limit decisions")
                .tags("layer", layer, "outcome", outcome).register(meters);
    }

    /** The kind of window, from its storage key ({@code rl:<layer>:<who>}). */
    static String layerName(Layer layer) {
        String key = layer.key();
        int first = key.indexOf(':');
        int second = first < 0 ? -1 : key.indexOf(':', first + 1);
        return second < 0 ? "other" : key.substring(first + 1, second);
    }
}
