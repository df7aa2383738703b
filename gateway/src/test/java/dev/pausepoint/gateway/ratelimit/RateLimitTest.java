package dev.pausepoint.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.gateway.GatewayIntegrationTest;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.embedded.EmbeddedRedisServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * api.md's limits at their exact boundaries, on real Redis. The clock is frozen so that every count,
 * Retry-After and Reset is exact; each test has its own client address and keys.
 */
class RateLimitTest extends GatewayIntegrationTest {

    @Autowired
    MeterRegistry meters;

    private String ip;

    @BeforeEach
    void ownAddressAndFrozenTime() {
        ip = "2001:db8::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff)) + ":"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff));
        clock.freeze();
    }

    private String newKey(String mode, String plan) {
        String key = "pp_" + mode + "_" + UUID.randomUUID().toString().replace("-", "") + "0".repeat(16);
        knowCredential(key, "dev_" + UUID.randomUUID(), mode, plan, "api_key");
        return key;
    }

    private HttpResponse<String> withKey(String key) {
        return call(port, "GET", "/v1/pause/psr_1", "Authorization", "Bearer " + key, "X-Forwarded-For", ip);
    }

    private HttpResponse<String> anonymous(String method, String path) {
        return call(port, method, path, BodyPublishers.ofString("{}"), "Content-Type", "application/json",
                "X-Forwarded-For", ip);
    }

    private static String header(HttpResponse<String> reply, String name) {
        return reply.headers().firstValue(name).orElse(null);
    }

    private static void assertRateLimited(HttpResponse<String> reply, String retryAfter, String layer) {
        assertThat(reply.statusCode()).isEqualTo(429);
        assertThat(header(reply, "Retry-After")).isEqualTo(retryAfter);
        assertThat(reply.body()).startsWith("{\"error\":\"RATE_LIMITED\",\"message\":\"Rate limit of ")
                .contains(layer).contains("Retry after " + retryAfter + " s.").endsWith("\"status_code\":429}");
    }

    private long count(String redisKey) {
        return redis.opsForZSet().size(redisKey).block(Duration.ofSeconds(5));
    }

    @Test
    void theHundredAndTwentiethRequestOfAKeyPassesAndTheNextIsRefused() {
        String key = newKey("live", "free");
        HttpResponse<String> first = withKey(key);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "X-RateLimit-Limit")).isEqualTo("120");
        assertThat(header(first, "X-RateLimit-Remaining")).isEqualTo("119");
        assertThat(header(first, "X-RateLimit-Reset")).isEqualTo("60");
        for (int i = 2; i <= 119; i++) {
            assertThat(withKey(key).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> last = withKey(key);
        assertThat(last.statusCode()).as("request 120").isEqualTo(200);
        assertThat(header(last, "X-RateLimit-Remaining")).isEqualTo("0");

        clock.advance(Duration.ofSeconds(13));
        assertRateLimited(withKey(key), "47", "this API key");
    }

    @Test
    void theWindowSlidesAsTheOldestRequestsAgeOut() {
        String key = newKey("live", "free");
        for (int i = 0; i < 60; i++) {
            assertThat(withKey(key).statusCode()).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 60; i++) {
            assertThat(withKey(key).statusCode()).isEqualTo(200);
        }
        assertRateLimited(withKey(key), "30", "this API key");

        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> afterSlide = withKey(key);
        assertThat(afterSlide.statusCode()).as("the first 60 have aged out").isEqualTo(200);
        assertThat(header(afterSlide, "X-RateLimit-Remaining")).isEqualTo("59");
        assertThat(header(afterSlide, "X-RateLimit-Reset")).as("the next 60 leave in 30 s").isEqualTo("30");
    }

    @Test
    void aRefusedRequestCountsInNoOtherLayer() {
        String key = newKey("live", "free");
        for (int i = 0; i < 120; i++) {
            withKey(key);
        }
        assertThat(withKey(key).statusCode()).isEqualTo(429);
        assertThat(count("rl:ip:" + expanded(ip))).as("the IP layer saw only the 120 that passed").isEqualTo(120);
    }

    @Test
    void liveAndTestKeysOfOneDeveloperAreCountedApart() {
        String developer = "dev_" + UUID.randomUUID();
        String live = "pp_live_" + "1".repeat(48 - 8) + UUID.randomUUID().toString().substring(0, 8);
        String test = "pp_test_" + "2".repeat(48 - 8) + UUID.randomUUID().toString().substring(0, 8);
        knowCredential(live, developer, "live", "free", "api_key");
        knowCredential(test, developer, "test", "free", "api_key");
        for (int i = 0; i < 120; i++) {
            withKey(live);
        }
        assertThat(withKey(live).statusCode()).isEqualTo(429);
        HttpResponse<String> testReply = withKey(test);
        assertThat(testReply.statusCode()).isEqualTo(200);
        assertThat(header(testReply, "X-RateLimit-Remaining")).isEqualTo("119");
    }

    @Test
    void threeKeysFromOneAddressMeetTheThreeHundredBackstop() {
        String[] keys = {newKey("live", "free"), newKey("live", "free"), newKey("test", "free")};
        for (int i = 0; i < 100; i++) {
            for (String key : keys) {
                assertThat(withKey(key).statusCode()).isEqualTo(200);
            }
        }
        HttpResponse<String> over = withKey(newKey("live", "free"));
        assertRateLimited(over, "60", "this IP address");
        assertThat(header(over, "X-RateLimit-Limit")).isEqualTo("300");
    }

    @Test
    void unauthenticatedRequestsAreLimitedToAHundredPerAddress() {
        for (int i = 0; i < 100; i++) {
            assertThat(anonymous("GET", "/respond/tok").statusCode()).isEqualTo(200);
        }
        assertRateLimited(anonymous("GET", "/respond/tok"), "60", "unauthenticated requests from this IP address");
    }

    @Test
    void authEndpointsAreLimitedToTwentyPerAddressAndApart() {
        for (int i = 0; i < 20; i++) {
            assertThat(anonymous("POST", "/v1/auth/login").statusCode()).isEqualTo(200);
        }
        assertRateLimited(anonymous("POST", "/v1/auth/register"), "60", "sign-up, login and password reset");
        assertThat(anonymous("GET", "/respond/tok").statusCode()).as("other public routes count apart")
                .isEqualTo(200);
    }

    @Test
    void refusedCredentialsCountAsUnauthenticatedTraffic() {
        String bogus = "Bearer pp_live_" + "9".repeat(48);
        for (int i = 0; i < 100; i++) {
            assertThat(call(port, "GET", "/v1/pause/psr_1", "Authorization", bogus, "X-Forwarded-For", ip)
                    .statusCode()).isEqualTo(401);
        }
        assertRateLimited(call(port, "GET", "/v1/pause/psr_1", "Authorization", bogus, "X-Forwarded-For", ip), "60",
                "unauthenticated requests");
    }

    @Test
    void providerCallbacksAreNotLimitedByAddress() {
        for (int i = 0; i < 150; i++) {
            assertThat(anonymous("POST", "/v1/providers/twilio/status").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPlanCanRaiseItsPerKeyLimit() {
        String key = newKey("live", "pro");
        for (int i = 0; i < 200; i++) {
            assertThat(withKey(key).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> over = withKey(key);
        assertRateLimited(over, "60", "this API key");
        assertThat(over.body()).contains("Rate limit of 200 requests");
    }

    @Test
    void withoutRedisEachInstanceKeepsLimitingAndRedisIsUsedAgainWhenBack() {
        assumeThat(TestInfrastructure.embeddedRedis()).as("needs a Redis this JVM can stop").isPresent();
        EmbeddedRedisServer server = TestInfrastructure.embeddedRedis().orElseThrow();
        String key = newKey("live", "free");
        server.stop();
        try {
            HttpResponse<String> first = withKey(key);
            assertThat(first.statusCode()).as("still serving").isEqualTo(200);
            assertThat(header(first, "X-RateLimit-Remaining")).isEqualTo("119");
            assertThat(meters.get("pausepoint.ratelimit.fallback").gauge().value()).isEqualTo(1.0);
            for (int i = 2; i <= 120; i++) {
                assertThat(withKey(key).statusCode()).isEqualTo(200);
            }
            assertRateLimited(withKey(key), "60", "this API key");
        } finally {
            server.restart();
        }
        String fresh = newKey("live", "free");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(withKey(fresh).statusCode()).isEqualTo(200);
            assertThat(meters.get("pausepoint.ratelimit.fallback").gauge().value()).isZero();
        });
        assertThat(redis.keys("rl:key:*").collectList().block(Duration.ofSeconds(5))).as("counting in Redis again")
                .isNotEmpty();
    }

    /** How the gateway writes an IPv6 address: every group, no compression. */
    private static String expanded(String address) {
        try {
            return java.net.InetAddress.getByName(address).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
