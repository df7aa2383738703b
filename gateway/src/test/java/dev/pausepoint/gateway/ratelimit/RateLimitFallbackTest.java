package dev.pausepoint.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.gateway.GatewayIntegrationTest;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.embedded.EmbeddedRedisServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Redis stopped under a running gateway: limits keep holding per instance, and Redis is used again when back. */
class RateLimitFallbackTest extends GatewayIntegrationTest {

    @Autowired
    MeterRegistry meters;

    private final String ip = "198.18.200." + (1 + (int) (Math.random() * 250));

    private String newKey() {
        String key = "pp_live_" + UUID.randomUUID().toString().replace("-", "") + "0".repeat(16);
        knowCredential(key, "dev_" + UUID.randomUUID(), "live", "free", "api_key");
        return key;
    }

    private HttpResponse<String> withKey(String key) {
        return call(port, "GET", "/v1/pause/psr_1", "Authorization", "Bearer " + key, "X-Forwarded-For", ip);
    }

    private double gauge() {
        return meters.get("pausepoint.ratelimit.fallback").gauge().value();
    }

    @Test
    void withoutRedisEachInstanceKeepsLimitingAndRedisIsUsedAgainWhenBack() {
        EmbeddedRedisServer server = TestInfrastructure.stoppableRedis();
        String key = newKey();
        clock.freeze();
        server.stop();
        try {
            HttpResponse<String> first = withKey(key);
            assertThat(first.statusCode()).as("still serving").isEqualTo(200);
            assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue("119");
            assertThat(gauge()).isEqualTo(1.0);
            for (int i = 2; i <= 120; i++) {
                assertThat(withKey(key).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> over = withKey(key);
            assertThat(over.statusCode()).isEqualTo(429);
            assertThat(over.body()).contains("this API key");
        } finally {
            server.restart();
        }
        String fresh = newKey();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(withKey(fresh).statusCode()).isEqualTo(200);
            assertThat(gauge()).isZero();
        });
        RedisServed served = RedisServed.from(meters);
        assertThat(withKey(fresh).statusCode()).isEqualTo(200);
        served.check();
        assertThat(redis.keys("rl:key:*").collectList().block(Duration.ofSeconds(5))).as("counting in Redis again")
                .isNotEmpty();
    }
}
