package dev.pausepoint.gateway.longpoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.gateway.GatewayIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.springframework.data.domain.Range;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

/**
 * The developers' slots on real Redis, given back in batches ({@link SlotReleases}). Each test has slot
 * stores of its own over the gateway's Redis connection, and keys of its own.
 */
class RedisWaitSlotsTest extends GatewayIntegrationTest {

    private static final Duration NEVER_BY_ITSELF = Duration.ofHours(1);

    private RedisWaitSlots slots(SlotReleases releases) {
        return new RedisWaitSlots(redis, releases);
    }

    private SlotReleases releases(Duration window) {
        return new SlotReleases(redis, window, Duration.ofSeconds(2), Schedulers.parallel());
    }

    private long held(String key) {
        Long size = redis.opsForZSet().size(key).block(Duration.ofSeconds(5));
        return size == null ? 0 : size;
    }

    /** ZREM commands Redis has run so far, its own count (also those run inside scripts). */
    private long zremCalls() {
        Properties stats = redis.getConnectionFactory().getReactiveConnection().serverCommands().info("commandstats")
                .block(Duration.ofSeconds(5));
        String zrem = stats == null ? null : stats.getProperty("cmdstat_zrem");
        if (zrem == null) {
            return 0;
        }
        String calls = zrem.substring(zrem.indexOf("calls=") + 6);
        return Long.parseLong(calls.substring(0, calls.indexOf(',')));
    }

    @Test
    void everySlotGivenBackWithinTheWindowGoesBackInOneCommandPerDeveloperAndMode() {
        SlotReleases releases = releases(Duration.ofMillis(300));
        RedisWaitSlots slots = slots(releases);
        String one = "lp:dev_" + UUID.randomUUID() + ":test";
        String other = "lp:dev_" + UUID.randomUUID() + ":live";
        long now = System.currentTimeMillis();
        List<String> ofOne = new ArrayList<>();
        List<String> ofOther = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String member = "req_" + i + ":" + UUID.randomUUID();
            (i % 4 == 0 ? ofOther : ofOne).add(member);
            assertThat(slots.claim(i % 4 == 0 ? other : one, member, now, now + 60_000, 100)
                    .block(Duration.ofSeconds(5)).granted()).isTrue();
        }
        assertThat(held(one)).isEqualTo(30);
        assertThat(held(other)).isEqualTo(10);
        long before = zremCalls();

        ofOne.forEach(member -> slots.release(one, member).block());
        ofOther.forEach(member -> slots.release(other, member).block());

        await().atMost(Duration.ofSeconds(5)).until(() -> held(one) == 0 && held(other) == 0);
        assertThat(releases.pendingCount()).isZero();
        assertThat(zremCalls() - before).as("one ZREM for each developer and mode, not one for each of the 40 slots")
                .isEqualTo(2);
    }

    @Test
    void aClaimTakesAlongTheSlotsGivenBackAndNotYetSentSoTheDevelopersNextWaitIsNotRefusedForThem() {
        SlotReleases releases = releases(NEVER_BY_ITSELF);
        RedisWaitSlots slots = slots(releases);
        String key = "lp:dev_" + UUID.randomUUID() + ":test";
        long now = System.currentTimeMillis();
        assertThat(slots.claim(key, "a", now, now + 60_000, 2).block().granted()).isTrue();
        assertThat(slots.claim(key, "b", now, now + 60_000, 2).block().granted()).isTrue();
        assertThat(slots.claim(key, "c", now, now + 60_000, 2).block().granted()).as("at the cap").isFalse();

        slots.release(key, "a").block();
        assertThat(held(key)).as("not sent yet").isEqualTo(2);
        assertThat(slots.claim(key, "c", now, now + 60_000, 2).block().granted())
                .as("the slot given back is removed by the claim itself").isTrue();

        assertThat(releases.pendingCount()).isZero();
        assertThat(redis.opsForZSet().range(key, Range.closed(0L, -1L)).collectList().block()).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void slotsOfAGatewayThatDiedBeforeSendingItsReleasesLapseAtTheirTime() {
        String key = "lp:dev_" + UUID.randomUUID() + ":test";
        long now = System.currentTimeMillis();
        long lapsesAt = now + 35_000;
        SlotReleases diedWith = releases(NEVER_BY_ITSELF);
        RedisWaitSlots died = slots(diedWith);
        assertThat(died.claim(key, "a", now, lapsesAt, 1).block().granted()).isTrue();
        died.release(key, "a").block();
        assertThat(diedWith.pendingCount()).as("given back, never sent: the gateway died").isEqualTo(1);

        RedisWaitSlots restarted = slots(releases(NEVER_BY_ITSELF));
        WaitSlots.Claim refused = restarted.claim(key, "b", now + 1_000, now + 36_000, 1).block();
        assertThat(refused.granted()).as("still held until it lapses").isFalse();
        assertThat(refused.earliestLapse()).isEqualTo(lapsesAt);
        assertThat(restarted.claim(key, "b", lapsesAt + 1, lapsesAt + 35_000, 1).block().granted())
                .as("lapsed, so no longer counted").isTrue();
        assertThat(redis.opsForZSet().range(key, Range.closed(0L, -1L)).collectList().block()).containsExactly("b");
    }
}
