package dev.pausepoint.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.gateway.AnotherGateway;
import dev.pausepoint.gateway.GatewayIntegrationTest;
import dev.pausepoint.testsupport.embedded.EmbeddedRedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** A Redis that requires a password: the gateway limits through it with REDIS_PASSWORD, and falls back without. */
class RedisPasswordTest extends GatewayIntegrationTest {

    private static final String PASSWORD = "redis-password-for-tests";

    private static EmbeddedRedisServer guarded;

    @BeforeAll
    static void redisWithAPassword() {
        guarded = EmbeddedRedisServer.start(0, null, PASSWORD);
    }

    @AfterAll
    static void stopRedis() {
        guarded.close();
    }

    /** The password as a deployment gives it: the {@code REDIS_PASSWORD} variable application.yml reads. */
    private static ConfigurableApplicationContext gatewayWithPassword(String password) {
        return AnotherGateway.start(Map.of("spring.data.redis.host", guarded.access().host(),
                "spring.data.redis.port", String.valueOf(guarded.access().port()),
                "REDIS_PASSWORD", password));
    }

    private static HttpResponse<String> respondPage(ConfigurableApplicationContext gateway) {
        return call(AnotherGateway.port(gateway), "GET", "/respond/tok", "X-Forwarded-For", "198.18.77.7");
    }

    private static long windowInGuardedRedis(String key) {
        RedisClient client = RedisClient.create(RedisURI.builder().withHost(guarded.access().host())
                .withPort(guarded.access().port()).withPassword(PASSWORD.toCharArray()).build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().zcard(key);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void withThePasswordTheGatewayLimitsInThatRedis() {
        try (ConfigurableApplicationContext gateway = gatewayWithPassword(PASSWORD)) {
            RedisServed served = RedisServed.from(gateway.getBean(MeterRegistry.class));
            List<String> remaining = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> reply = respondPage(gateway);
                assertThat(reply.statusCode()).isEqualTo(200);
                remaining.add(reply.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
            }
            assertThat(remaining).containsExactly("99", "98", "97");
            served.check();
            assertThat(windowInGuardedRedis("rl:anon:198.18.77.7")).isEqualTo(3);
        }
    }

    @Test
    void withAWrongPasswordTheGatewayFallsBackAndSaysSo() {
        try (ConfigurableApplicationContext gateway = gatewayWithPassword("not-the-password")) {
            MeterRegistry meters = gateway.getBean(MeterRegistry.class);
            assertThat(respondPage(gateway).statusCode()).as("still serving, limited in memory").isEqualTo(200);
            assertThat(meters.get("pausepoint.ratelimit.fallback").gauge().value()).isEqualTo(1.0);
            assertThat(meters.get("pausepoint.ratelimit.local.decisions").counter().count()).isEqualTo(1.0);
        }
    }
}
