package dev.pausepoint.gateway.longpoll;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Redis when it answers, this instance's memory when it does not, like the rate limiter: after a failure
 * the local slots serve for {@code retryAfter} before Redis is tried again. A slot is given back to the
 * store that granted it ({@link WaitSlots.Claim#store()}). The gauge {@code pausepoint.longpoll.fallback}
 * is 1 while local.
 */
class FailoverWaitSlots {

    private static final Logger log = LoggerFactory.getLogger(FailoverWaitSlots.class);

    private final WaitSlots redis;
    private final WaitSlots local;
    private final Duration timeout;
    private final Duration retryAfter;
    private final AtomicBoolean onFallback = new AtomicBoolean();
    private final AtomicLong retryRedisAt = new AtomicLong();

    FailoverWaitSlots(WaitSlots redis, WaitSlots local, Duration timeout, Duration retryAfter, MeterRegistry meters) {
        this.redis = redis;
        this.local = local;
        this.timeout = timeout;
        this.retryAfter = retryAfter;
        meters.gauge("pausepoint.longpoll.fallback", onFallback, on -> on.get() ? 1 : 0);
    }

    Mono<WaitSlots.Claim> claim(String key, String member, long nowMillis, long lapsesAt, int cap) {
        if (onFallback.get() && System.nanoTime() < retryRedisAt.get()) {
            return local.claim(key, member, nowMillis, lapsesAt, cap);
        }
        return redis.claim(key, member, nowMillis, lapsesAt, cap)
                .timeout(timeout)
                .doOnNext(claim -> {
                    if (onFallback.compareAndSet(true, false)) {
                        log.info("Redis answers again; long-poll slots are shared across gateway instances again");
                    }
                })
                .onErrorResume(error -> {
                    retryRedisAt.set(System.nanoTime() + retryAfter.toNanos());
                    if (onFallback.compareAndSet(false, true)) {
                        log.warn("Redis unreachable ({}); long-poll slots are now counted per gateway instance",
                                error.toString());
                    }
                    return local.claim(key, member, nowMillis, lapsesAt, cap);
                });
    }

    boolean onFallback() {
        return onFallback.get();
    }
}
