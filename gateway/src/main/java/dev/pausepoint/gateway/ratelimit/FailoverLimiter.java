package dev.pausepoint.gateway.ratelimit;

import dev.pausepoint.gateway.redis.RedisCircuit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The shared windows in Redis when it answers, this instance's windows when it does not
 * ({@link RedisCircuit}; the gauge {@code pausepoint.ratelimit.fallback} is 1 while local). The counter
 * {@code pausepoint.ratelimit.local.decisions} counts every request decided in memory, so a blip
 * shorter than a scrape still shows.
 */
public class FailoverLimiter implements SlidingWindowLimiter {

    private final SlidingWindowLimiter redis;
    private final SlidingWindowLimiter local;
    private final RedisCircuit circuit;
    private final Counter localDecisions;

    public FailoverLimiter(SlidingWindowLimiter redis, SlidingWindowLimiter local, Duration timeout,
            Duration retryAfter, MeterRegistry meters) {
        this.redis = redis;
        this.local = local;
        this.circuit = new RedisCircuit("rate limits", "pausepoint.ratelimit.fallback", timeout, retryAfter, meters);
        this.localDecisions = meters.counter("pausepoint.ratelimit.local.decisions");
    }

    @Override
    public Mono<Decision> check(List<Layer> layers, long nowMillis, String requestId) {
        return circuit.call(() -> redis.check(layers, nowMillis, requestId), () -> {
            localDecisions.increment();
            return local.check(layers, nowMillis, requestId);
        });
    }
}
