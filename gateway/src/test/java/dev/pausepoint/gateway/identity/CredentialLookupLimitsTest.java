package dev.pausepoint.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.gateway.GatewayIntegrationTest;
import dev.pausepoint.gateway.ratelimit.RedisServed;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What an unknown credential costs billing-service: the client-IP backstop is counted before the lookup,
 * so one address causes at most {@code client-ip} lookups a window, and billing's "unknown" is remembered
 * for a few seconds. The clock is frozen (windows); the unknown-answer cache runs on real time.
 */
class CredentialLookupLimitsTest extends GatewayIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApplicationContext context;

    private String ip;
    private RedisServed served;

    @BeforeEach
    void ownAddressAndFrozenTime() {
        ip = "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);
        clock.freeze();
        served = RedisServed.from(meters);
    }

    @AfterEach
    void redisServedEveryRequest() {
        served.check();
    }

    private static String random(String prefix) {
        byte[] bytes = new byte[24];
        ThreadLocalRandom.current().nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    private long count(String redisKey) {
        return redis.opsForZSet().size(redisKey).block(Duration.ofSeconds(5));
    }

    private HttpResponse<String> send(String path, String token) {
        return call(port, "GET", path, "Authorization", "Bearer " + token, "X-Forwarded-For", ip);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"pp_live_, /v1/pause/psr_1", "pps_, /v1/auth/me"})
    void aFloodOfRandomCredentialsPastTheBackstopCostsNoLookup(String prefix, String path) {
        int before = lookups();
        for (int i = 1; i <= 400; i++) {
            HttpResponse<String> reply = send(path, random(prefix));
            if (i <= 100) {
                assertThat(reply.statusCode()).as("request %d: looked up, refused", i).isEqualTo(401);
            } else if (i <= 300) {
                assertThat(reply.statusCode()).as("request %d: looked up, unauthenticated window full", i)
                        .isEqualTo(429);
                assertThat(reply.body()).contains("unauthenticated requests from this IP address");
            } else {
                assertThat(reply.statusCode()).as("request %d: refused before any lookup", i).isEqualTo(429);
                assertThat(reply.body()).contains("Rate limit of 300 requests per 60 s for this IP address");
            }
        }
        assertThat(lookups() - before).as("lookups that reached billing-service").isEqualTo(300);
    }

    @Test
    void anUnknownKeyAskedAgainWithinSecondsIsNotLookedUpAgain() {
        String unknown = random("pp_live_");
        int before = lookups();
        for (int i = 0; i < 5; i++) {
            assertThat(send("/v1/pause/psr_1", unknown).statusCode()).isEqualTo(401);
        }
        assertThat(lookups() - before).isEqualTo(1);
        // Remembered for seconds only (5 s by default): then billing is asked again.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(send("/v1/pause/psr_1", unknown).statusCode()).isEqualTo(401);
            assertThat(lookups() - before).isEqualTo(2);
        });
    }

    @Test
    void aRotatedInKeyWorksOnItsFirstRequestWhileTheOldOneIsRememberedUnknown() {
        String oldKey = random("pp_live_");
        String newKey = random("pp_live_");
        forgetCredential(oldKey);
        assertThat(send("/v1/pause/psr_1", oldKey).statusCode()).isEqualTo(401);
        knowCredential(newKey, "live", "free", "api_key");
        assertThat(send("/v1/pause/psr_1", newKey).statusCode()).isEqualTo(200);
        assertThat(send("/v1/pause/psr_1", oldKey).statusCode()).isEqualTo(401);
    }

    @Test
    void aKnownKeyCountsOnceInTheBackstopWhetherLookedUpOrCached() {
        awaitKeyCacheInUse(context);
        String key = random("pp_live_");
        String developer = "dev_" + UUID.randomUUID();
        knowCredential(key, developer, "live", "free", "api_key");
        int before = lookups();
        for (int i = 0; i < 3; i++) {
            assertThat(send("/v1/pause/psr_1", key).statusCode()).isEqualTo(200);
        }
        assertThat(lookups() - before).isEqualTo(1);
        assertThat(count("rl:ip:" + ip)).as("the backstop").isEqualTo(3);
        assertThat(count("rl:key:" + developer + ":live")).as("the key").isEqualTo(3);
    }
}
