package dev.pausepoint.gateway.longpoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class FailoverWaitSlotsTest {

    /** Redis as far as the slots go: down while {@code down} is set, granting everything otherwise. */
    private static final class FlakyRedis implements WaitSlots {
        final AtomicBoolean down = new AtomicBoolean(true);

        @Override
        public Mono<Claim> claim(String key, String member, long nowMillis, long lapsesAt, int cap) {
            return down.get() ? Mono.error(new IllegalStateException("connection refused"))
                    : Mono.just(new Claim(true, -1, this));
        }

        @Override
        public Mono<Void> release(String key, String member) {
            return Mono.empty();
        }
    }

    @Test
    void withoutRedisTheCapHoldsInThisInstanceAndSlotsGoBackWhereTheyCameFrom() {
        FlakyRedis redis = new FlakyRedis();
        LocalWaitSlots local = new LocalWaitSlots();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        FailoverWaitSlots slots = new FailoverWaitSlots(redis, local, Duration.ofMillis(200), Duration.ofMillis(50),
                meters);
        long now = 1_000_000;
        WaitSlots.Claim first = slots.claim("lp:dev_1:test", "a", now, now + 35_000, 2).block();
        WaitSlots.Claim second = slots.claim("lp:dev_1:test", "b", now, now + 20_000, 2).block();
        WaitSlots.Claim third = slots.claim("lp:dev_1:test", "c", now, now + 35_000, 2).block();
        assertThat(first.granted()).isTrue();
        assertThat(first.store()).isSameAs(local);
        assertThat(second.granted()).isTrue();
        assertThat(third.granted()).as("the cap holds while Redis is away").isFalse();
        assertThat(third.earliestLapse()).isEqualTo(now + 20_000);
        assertThat(slots.claim("lp:dev_2:test", "d", now, now + 35_000, 2).block().granted())
                .as("another developer has slots of their own").isTrue();
        assertThat(meters.get("pausepoint.longpoll.fallback").gauge().value()).isEqualTo(1.0);

        first.store().release("lp:dev_1:test", "a").block();
        assertThat(local.size()).isEqualTo(2);
        assertThat(slots.claim("lp:dev_1:test", "e", now + 21_000, now + 50_000, 2).block().granted())
                .as("a lapsed slot is dropped").isTrue();

        redis.down.set(false);
        await("Redis again after the retry interval").atMost(Duration.ofSeconds(2)).until(() ->
                slots.claim("lp:dev_3:test", UUID.randomUUID().toString(), now, now + 35_000, 2).block().store() == redis);
        assertThat(meters.get("pausepoint.longpoll.fallback").gauge().value()).isZero();
    }
}
