package dev.pausepoint.kit.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.ErrorMapper;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.embedded.FreePorts;
import dev.pausepoint.testsupport.http.DyingServer;
import dev.pausepoint.testsupport.http.DyingServer.Ending;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service that dies while another's call is in flight (pause-service asking billing for quota,
 * response-service recording an answer in pause-service) makes the caller answer 503
 * {@code SERVICE_UNAVAILABLE}: never 500, and never a validation error blamed on the client.
 */
class InternalClientTest {

    private static InternalClient clientOf(DyingServer server) {
        return clientOf(server.url());
    }

    private static InternalClient clientOf(String url) {
        return new InternalClient("pause-service", "billing-service", URI.create(url),
                new RequestSigner(TestSecrets.INTERNAL_SECRET), JsonMapper.builder().build(), Duration.ofSeconds(2),
                ObservationRegistry.NOOP);
    }

    private static void assertUnavailable(DyingServer server, Function<InternalClient, JsonNode> call) {
        int before = server.requests();
        ApiException failure = catchThrowableOfType(ApiException.class, () -> call.apply(clientOf(server)));
        assertThat(failure).as("an ApiException, not whatever the HTTP client threw").isNotNull();
        assertThat(failure.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo("Billing-service is unavailable; try again shortly.");
        assertThat(new ErrorMapper().map(failure, "POST", "/v1/pause", "req_1").status()).isEqualTo(503);
        assertThat(server.requests()).as("the call reached the service before it died").isGreaterThan(before);
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void aPostInFlightWhenTheServiceDiesIsServiceUnavailable(Ending ending) {
        try (DyingServer server = DyingServer.start(ending)) {
            assertUnavailable(server, client -> client.post("/internal/usage/reserve",
                    Map.of("developer_id", "dev_1", "pause_id", "psr_1")));
        }
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void aGetInFlightWhenTheServiceDiesIsServiceUnavailable(Ending ending) {
        try (DyingServer server = DyingServer.start(ending)) {
            assertUnavailable(server, client -> client.get("/internal/pauses/psr_1"));
        }
    }

    /** A server on the loopback answering every request 200 with {@code body} as JSON, noting each raw path. */
    private static HttpServer answering(String body, List<String> paths) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getRawPath());
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void anAnswerThatIsNotJsonIsServiceUnavailableNotTheCallersValidationError() throws Exception {
        HttpServer server = answering("<html>proxy error</html>", new CopyOnWriteArrayList<>());
        try {
            InternalClient client = clientOf("http://localhost:" + server.getAddress().getPort());
            ApiException failure = catchThrowableOfType(ApiException.class, () -> client.get("/internal/pauses/psr_1"));
            assertThat(failure).isNotNull();
            assertThat(failure.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        } finally {
            server.stop(0);
        }
    }

    /** A service instance answering every request with its name, noting what it got. */
    private record NamedInstance(HttpServer server, List<String> paths) implements AutoCloseable {

        static NamedInstance start(String name) throws IOException {
            List<String> paths = new CopyOnWriteArrayList<>();
            return new NamedInstance(answering("{\"served_by\":\"" + name + "\"}", paths), paths);
        }

        int requests() {
            return paths.size();
        }

        URI url() {
            return URI.create("http://localhost:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static InternalClient clientOf(URI... instances) {
        return new InternalClient("pause-service", "billing-service", List.of(instances),
                new RequestSigner(TestSecrets.INTERNAL_SECRET), JsonMapper.builder().build(), Duration.ofSeconds(2),
                ObservationRegistry.NOOP);
    }

    @Test
    void callsToAServiceGivenAsSeveralUrlsTakeTheInstancesInTurn() throws Exception {
        try (NamedInstance first = NamedInstance.start("first"); NamedInstance second = NamedInstance.start("second")) {
            InternalClient client = clientOf(first.url(), second.url());
            List<String> servedBy = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                JsonNode answer = i % 2 == 0 ? client.get("/internal/pauses/psr_1")
                        : client.post("/internal/usage/reserve", Map.of("pause_id", "psr_" + i));
                servedBy.add(answer.get("served_by").asString());
            }
            assertThat(servedBy).containsExactly("first", "second", "first", "second", "first", "second");
        }
    }

    @Test
    void anInstanceThatRefusesConnectionsIsPassedOverForEveryCallWritesIncluded() throws Exception {
        URI nobodyListens = URI.create("http://localhost:" + FreePorts.next());
        try (NamedInstance alive = NamedInstance.start("alive")) {
            InternalClient client = clientOf(nobodyListens, alive.url());
            for (int i = 0; i < 6; i++) {
                JsonNode answer = i % 2 == 0 ? client.get("/internal/pauses/psr_1")
                        : client.post("/internal/usage/reserve", Map.of("pause_id", "psr_" + i));
                assertThat(answer.get("served_by").asString()).isEqualTo("alive");
            }
            assertThat(alive.requests()).as("each call once, on the instance that answers").isEqualTo(6);
        }
    }

    @Test
    void everyInstanceRefusingIsServiceUnavailable() {
        InternalClient client = clientOf(URI.create("http://localhost:" + FreePorts.next()),
                URI.create("http://localhost:" + FreePorts.next()));
        ApiException failure = catchThrowableOfType(ApiException.class, () -> client.get("/internal/pauses/psr_1"));
        assertThat(failure).isNotNull();
        assertThat(failure.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo("Billing-service is unavailable; try again shortly.");
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void aWriteThatReachedAnInstanceIsNeverSentToAnotherWhenThatInstanceDies(Ending ending) throws Exception {
        try (DyingServer dying = DyingServer.start(ending); NamedInstance alive = NamedInstance.start("alive")) {
            InternalClient client = clientOf(URI.create(dying.url()), alive.url());
            ApiException failure = catchThrowableOfType(ApiException.class, () -> client.post(
                    "/internal/usage/reserve", Map.of("developer_id", "dev_1", "pause_id", "psr_1")));
            assertThat(failure).isNotNull();
            assertThat(failure.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(dying.requests()).as("the first instance got it").isEqualTo(1);
            assertThat(alive.requests()).as("it may have been acted on: not repeated elsewhere").isZero();
        }
    }

    /**
     * A call per pause is one metric series named by its template, not one series per pause id (which
     * would grow the registry with every answer), and the id is encoded into the path.
     */
    @Test
    void aCallIsNamedByItsTemplateAndItsVariablesAreEncoded() throws Exception {
        List<String> paths = new CopyOnWriteArrayList<>();
        HttpServer server = answering("{}", paths);
        try {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            ObservationRegistry observations = ObservationRegistry.create();
            observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
            InternalClient client = new InternalClient("response-service", "pause-service",
                    URI.create("http://localhost:" + server.getAddress().getPort()),
                    new RequestSigner(TestSecrets.INTERNAL_SECRET), JsonMapper.builder().build(), Duration.ofSeconds(2),
                    observations);

            client.get("/internal/pauses/{pauseId}", "psr_1");
            client.get("/internal/pauses/{pauseId}", "psr_2");
            client.post("/internal/pauses/{pauseId}/response", Map.of("choice", "Approve"), "psr_3");
            client.get("/internal/pauses/{pauseId}", "a/b c");

            assertThat(paths).containsExactly("/internal/pauses/psr_1", "/internal/pauses/psr_2",
                    "/internal/pauses/psr_3/response", "/internal/pauses/a%2Fb%20c");
            assertThat(meters.find("http.client.requests").timers()).extracting(timer -> timer.getId().getTag("uri"))
                    .containsExactlyInAnyOrder("/internal/pauses/{pauseId}", "/internal/pauses/{pauseId}/response");
        } finally {
            server.stop(0);
        }
    }
}
