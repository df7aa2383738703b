package dev.pausepoint.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.spring.RealInfrastructure;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * pause-service given as two URLs ({@code PAUSE_SERVICE_URL=http://a,http://b}): the gateway spreads
 * requests over both, and when one stops, every read still succeeds on the other at once (retried
 * there on the refused connection) and writes go only to the other once the health check saw it go.
 * Every request's API key is checked through the balancer too (billing-service given as two URLs).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "pausepoint.internal-secret=" + TestSecrets.INTERNAL_SECRET})
@RealInfrastructure
class GatewayBalancingTest {

    private static final WireMockServer FIRST = instance(0, "first");
    private static WireMockServer second = instance(0, "second");
    private static final int SECOND_PORT = second.port();

    @LocalServerPort
    int port;

    @Autowired
    ReactiveStringRedisTemplate redis;

    private static WireMockServer instance(int port, String name) {
        WireMockServer server = new WireMockServer(port == 0 ? options().dynamicPort() : options().port(port));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(okJson("{\"served_by\":\"" + name + "\"}")));
        server.stubFor(get(urlEqualTo("/readyz")).willReturn(okJson("{\"status\":\"UP\"}")));
        return server;
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        DownstreamStubs.register(registry);
        // billing-service's one stub listed twice: every credential lookup then goes through the balancer.
        String billing = "http://localhost:" + DownstreamStubs.billing().port();
        registry.add("pausepoint.services.billing-service", () -> billing + "," + billing);
        registry.add("pausepoint.services.pause-service",
                () -> "http://localhost:" + FIRST.port() + ",http://localhost:" + SECOND_PORT);
    }

    @AfterAll
    static void stop() {
        FIRST.stop();
        second.stop();
    }

    /** Many calls with one key from loopback: no window of this test may throttle another test class. */
    @AfterEach
    void emptyTheRateLimitWindows() {
        redis.keys("rl:*").flatMap(redis::delete).blockLast(Duration.ofSeconds(5));
    }

    @BeforeEach
    void bothInstancesKnownToTheBalancer() {
        emptyTheRateLimitWindows();
        DownstreamStubs.reset();
        if (!second.isRunning()) {
            second = instance(SECOND_PORT, "second");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> health = GatewayHttp.get(port, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"pause-service\":{\"ready\":2,\"configured\":2}");
        });
        // The balancer checks readiness on its own schedule: wait until it routes to both.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            read();
            return servedRequests(FIRST) > 0 && servedRequests(second) > 0;
        });
        FIRST.resetRequests();
        second.resetRequests();
    }

    private HttpResponse<String> read() {
        return GatewayHttp.send(port, "GET", "/v1/pause/psr_1", BodyPublishers.noBody(),
                "Authorization", "Bearer " + DownstreamStubs.LIVE_KEY);
    }

    private HttpResponse<String> write() {
        return GatewayHttp.send(port, "POST", "/v1/pause", BodyPublishers.ofString("{}"),
                "Content-Type", "application/json", "Authorization", "Bearer " + DownstreamStubs.LIVE_KEY);
    }

    private static int servedRequests(WireMockServer server) {
        return server.findAll(anyRequestedFor(urlPathMatching("/v1/.*"))).size();
    }

    @Test
    void requestsAreSpreadOverBothInstances() {
        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> reply = i % 2 == 0 ? read() : write();
            assertThat(reply.statusCode()).isEqualTo(200);
            servedBy.add(reply.body());
        }
        assertThat(servedBy).containsOnly("{\"served_by\":\"first\"}", "{\"served_by\":\"second\"}")
                .contains("{\"served_by\":\"first\"}", "{\"served_by\":\"second\"}");
        assertThat(servedRequests(FIRST)).as("round robin: about half each").isBetween(5, 15);
        assertThat(servedRequests(FIRST) + servedRequests(second)).isEqualTo(20);
    }

    @Test
    void withOneInstanceStoppedEveryReadSucceedsOnTheOtherAndWritesFollowOnceTheHealthCheckSawIt() {
        second.stop();

        for (int i = 0; i < 20; i++) {
            HttpResponse<String> reply = read();
            assertThat(reply.statusCode()).as("read %d: %s", i, reply.body()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo("{\"served_by\":\"first\"}");
        }
        assertThat(servedRequests(FIRST)).isEqualTo(20);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> health = GatewayHttp.get(port, "/health");
            assertThat(health.statusCode()).as("one ready instance is enough").isEqualTo(200);
            assertThat(health.body()).contains("\"pause-service\":\"ok\"")
                    .contains("\"pause-service\":{\"ready\":1,\"configured\":2}");
        });
        // The balancer's own check runs every 2 s; a write before it notices may still meet the stopped one,
        // which in turn with the other fails one of any two writes in a row.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> IntStream.range(0, 4).allMatch(i -> write().statusCode() == 200));
        FIRST.resetRequests();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> reply = write();
            assertThat(reply.statusCode()).as("write %d: %s", i, reply.body()).isEqualTo(200);
        }
        assertThat(servedRequests(FIRST)).isEqualTo(10);
    }

    @Test
    void healthCountsTheReadyInstancesOfAServiceGivenAsSeveral() {
        HttpResponse<String> health = GatewayHttp.get(port, "/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"services\":{\"billing-service\":\"ok\","
                + "\"delivery-service\":\"ok\",\"pause-service\":\"ok\",\"response-service\":\"ok\"},"
                + "\"instances\":{\"billing-service\":{\"ready\":2,\"configured\":2},"
                + "\"delivery-service\":{\"ready\":1,\"configured\":1},"
                + "\"pause-service\":{\"ready\":2,\"configured\":2},"
                + "\"response-service\":{\"ready\":1,\"configured\":1}}}");
    }
}
