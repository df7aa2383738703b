package dev.pausepoint.kit.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.ErrorMapper;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.http.DyingServer;
import dev.pausepoint.testsupport.http.DyingServer.Ending;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
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

    @Test
    void anAnswerThatIsNotJsonIsServiceUnavailableNotTheCallersValidationError() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "<html>proxy error</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            InternalClient client = clientOf("http://localhost:" + server.getAddress().getPort());
            ApiException failure = catchThrowableOfType(ApiException.class, () -> client.get("/internal/pauses/psr_1"));
            assertThat(failure).isNotNull();
            assertThat(failure.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        } finally {
            server.stop(0);
        }
    }
}
