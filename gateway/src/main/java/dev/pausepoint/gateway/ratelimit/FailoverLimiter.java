package dev.pausepoint.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Redis when it answers, this instance's memory when it does not. After a failure the local windows
 * serve for {@code retryAfter} before Redis is tried again, so an outage does not cost every request a
 * timeout. The switch is logged once each way and exposed as the gauge
 * {@code pausepoint.ratelimit.fallback} (1 while local); the counter
 * {@code pausepoint.ratelimit.local.decisions} counts every request decided in memory, so a blip
 * shorter than a scrape still shows.
 */
public class FailoverLimiter implements SlidingWindowLimiter {

    private static final Logger log = LoggerFactory.getLogger(FailoverLimiter.class);

    private final SlidingWindowLimiter redis;
    private final SlidingWindowLimiter local;
    private final Duration timeout;
    private final Duration retryAfter;
    private final AtomicBoolean onFallback = new AtomicBoolean();
    private final AtomicLong retryRedisAt = new AtomicLong();
    private final Counter localDecisions;

    public FailoverLimiter(SlidingWindowLimiter redis, SlidingWindowLimiter local, Duration timeout,
            Duration retryAfter, MeterRegistry meters) {
        this.redis = redis;
        this.local = local;
        this.timeout = timeout;
        this.retryAfter = retryAfter;
        meters.gauge("pausepoint.ratelimit.fallback", onFallback, on -> on.get() ? 1 : 0);
        this.localDecisions = meters.counter("pausepoint.ratelimit.local.decisions");
    }

    @Override
    public Mono<Decision> check(List<Layer> layers, long nowMillis, String requestId) {
        if (onFallback.get() && System.nanoTime() < retryRedisAt.get()) {
            return local(layers, nowMillis, requestId);
        }
        return redis.check(layers, nowMillis, requestId)
                .timeout(timeout)
                .doOnNext(decision -> {
                    if (onFallback.compareAndSet(true, false)) {
                        log.info("Redis answers again; rate limits are shared across gateway instances again");
                    }
                })
                .onErrorResume(error -> {
                    retryRedisAt.set(System.nanoTime() + retryAfter.toNanos());
                    if (onFallback.compareAndSet(false, true)) {
                        log.warn("Redis unreachable ({}); rate limits are now counted per gateway instance", error.toString());
                    }
                    return local(layers, nowMillis, requestId);
                });
    }

    private Mono<Decision> local(List<Layer> layers, long nowMillis, String requestId) {
        localDecisions.increment();
        return local.check(layers, nowMillis, requestId);
    }

    public boolean onFallback() {
        return onFallback.get();
    }
}
