package dev.pausepoint.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.gateway.AnotherGateway;
import dev.pausepoint.gateway.GatewayIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/** Two gateway instances on one Redis count one window: a concurrent burst through both admits exactly the limit. */
class TwoGatewaysShareTheirWindowsTest extends GatewayIntegrationTest {

    private static final int LIMIT = 120;

    @Autowired
    MeterRegistry meters;

    @Test
    void aConcurrentBurstOfThreeTimesTheLimitThroughTwoInstancesAdmitsExactlyTheLimit() throws Exception {
        String developer = "dev_" + UUID.randomUUID();
        String key = "pp_live_" + UUID.randomUUID().toString().replace("-", "") + "0".repeat(16);
        knowCredential(key, developer, "live", "free", "api_key");
        try (ConfigurableApplicationContext second = AnotherGateway.start()) {
            RedisServed servedHere = RedisServed.from(meters);
            RedisServed servedThere = RedisServed.from(second.getBean(MeterRegistry.class));
            int[] instances = {port, AnotherGateway.port(second)};
            stubs("pause-service").resetRequests();

            List<HttpResponse<String>> replies = burst(3 * LIMIT, i -> call(instances[i % 2], "GET", path(i),
                    "Authorization", "Bearer " + key,
                    // Every request from its own address, so that only the key's window can refuse.
                    "X-Forwarded-For", "198.19." + i / 256 + "." + i % 256));

            List<String> admitted = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < replies.size(); i++) {
                HttpResponse<String> reply = replies.get(i);
                if (reply.statusCode() == 200) {
                    admitted.add(path(i));
                } else {
                    assertThat(reply.statusCode()).as("request %d", i).isEqualTo(429);
                    assertThat(reply.body()).contains("Rate limit of 120 requests per 60 s for this API key");
                    refused++;
                }
            }
            assertThat(admitted).hasSize(LIMIT);
            assertThat(refused).isEqualTo(2 * LIMIT);
            List<String> forwarded = stubs("pause-service").findAll(WireMock.anyRequestedFor(WireMock.anyUrl()))
                    .stream().map(LoggedRequest::getUrl).toList();
            assertThat(forwarded).as("exactly the admitted requests reached the service")
                    .containsExactlyInAnyOrderElementsOf(admitted);
            assertThat(redis.opsForZSet().size("rl:key:" + developer + ":live").block(Duration.ofSeconds(5)))
                    .isEqualTo(LIMIT);
            servedHere.check();
            servedThere.check();
        }
    }

    private static String path(int request) {
        return "/v1/pause/psr_burst" + request;
    }

    /** All requests released at once from as many threads; the replies in request order. */
    private static List<HttpResponse<String>> burst(int count, java.util.function.IntFunction<HttpResponse<String>> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(48);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                pending.add(pool.submit(() -> {
                    go.await();
                    return request.apply(index);
                }));
            }
            go.countDown();
            List<HttpResponse<String>> replies = new ArrayList<>();
            for (Future<HttpResponse<String>> reply : pending) {
                replies.add(reply.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
