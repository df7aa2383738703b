package dev.pausepoint.gateway.redis;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Redis when it answers, this instance's memory when it does not. A call to Redis that fails or takes
 * longer than {@code timeout} is answered from memory, and memory keeps answering for {@code retryAfter}
 * before Redis is tried again, so an outage does not cost every request a timeout. The switch is logged
 * once each way, and the gauge named by the owner is 1 while memory answers. What falls back is
 * counted per instance, so limits shared across gateways become limits per gateway until Redis is back.
 */
public final class RedisCircuit {

    private static final Logger log = LoggerFactory.getLogger(RedisCircuit.class);

    private final String what;
    private final Duration timeout;
    private final Duration retryAfter;
    private final AtomicBoolean onFallback = new AtomicBoolean();
    private final AtomicLong retryRedisAt = new AtomicLong();

    /**
     * @param what what is counted, for the log ("rate limits")
     * @param gauge the gauge that is 1 while memory answers ({@code pausepoint.ratelimit.fallback})
     */
    public RedisCircuit(String what, String gauge, Duration timeout, Duration retryAfter, MeterRegistry meters) {
        this.what = what;
        this.timeout = timeout;
        this.retryAfter = retryAfter;
        meters.gauge(gauge, onFallback, on -> on.get() ? 1 : 0);
    }

    /** {@code redis}'s answer while Redis answers in time, otherwise {@code local}'s. */
    public <T> Mono<T> call(Supplier<Mono<T>> redis, Supplier<Mono<T>> local) {
        if (onFallback.get() && System.nanoTime() < retryRedisAt.get()) {
            return local.get();
        }
        return redis.get()
                .timeout(timeout)
                .doOnNext(answer -> {
                    if (onFallback.compareAndSet(true, false)) {
                        log.info("Redis answers again; {} are shared across gateway instances again", what);
                    }
                })
                .onErrorResume(error -> {
                    retryRedisAt.set(System.nanoTime() + retryAfter.toNanos());
                    if (onFallback.compareAndSet(false, true)) {
                        log.warn("Redis unreachable ({}); {} are now counted per gateway instance", error.toString(), what);
                    }
                    return local.get();
                });
    }

    public boolean onFallback() {
        return onFallback.get();
    }
}
