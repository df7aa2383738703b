package dev.pausepoint.gateway.longpoll;

import dev.pausepoint.gateway.redis.RedisCircuit;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The developers' slots in Redis when it answers, in this instance's memory when it does not
 * ({@link RedisCircuit}; the gauge {@code pausepoint.longpoll.fallback} is 1 while local). A slot is
 * given back to the store that granted it ({@link WaitSlots.Claim#store()}).
 */
class FailoverWaitSlots {

    private final WaitSlots redis;
    private final WaitSlots local;
    private final RedisCircuit circuit;

    FailoverWaitSlots(WaitSlots redis, WaitSlots local, Duration timeout, Duration retryAfter, MeterRegistry meters) {
        this.redis = redis;
        this.local = local;
        this.circuit = new RedisCircuit("long-poll slots", "pausepoint.longpoll.fallback", timeout, retryAfter, meters);
    }

    Mono<WaitSlots.Claim> claim(String key, String member, long nowMillis, long lapsesAt, int cap) {
        return circuit.call(() -> redis.claim(key, member, nowMillis, lapsesAt, cap),
                () -> local.claim(key, member, nowMillis, lapsesAt, cap));
    }
}
