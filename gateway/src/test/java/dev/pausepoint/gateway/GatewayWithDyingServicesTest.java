package dev.pausepoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.http.DyingServer;
import dev.pausepoint.testsupport.http.DyingServer.Ending;
import dev.pausepoint.testsupport.spring.RealInfrastructure;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Services that die with the request in flight: they take the whole request and then close or reset
 * the connection without a byte of answer, as a killed process does. The client gets 503 in the
 * envelope, never 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "pausepoint.internal-secret=" + TestSecrets.INTERNAL_SECRET})
@RealInfrastructure
class GatewayWithDyingServicesTest {

    private static final DyingServer CLOSING = DyingServer.start(Ending.CLOSE);
    private static final DyingServer RESETTING = DyingServer.start(Ending.RESET);
    private static final String UNAVAILABLE = "{\"error\":\"SERVICE_UNAVAILABLE\",\"message\":\"A service needed "
            + "for this request is unavailable; try again shortly.\",\"status_code\":503}";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        DownstreamStubs.register(registry);
        registry.add("pausepoint.services.pause-service", CLOSING::url);
        registry.add("pausepoint.services.response-service", RESETTING::url);
    }

    @BeforeEach
    void knownKeys() {
        DownstreamStubs.reset();
    }

    @Test
    void aServiceThatClosesTheConnectionInsteadOfAnsweringIsServiceUnavailable() {
        int before = CLOSING.requests();
        HttpResponse<String> reply = GatewayHttp.send(port, "POST", "/v1/pause",
                BodyPublishers.ofString("{\"message\":\"deploy?\"}"), "Content-Type", "application/json",
                "Authorization", "Bearer " + DownstreamStubs.LIVE_KEY);
        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo(UNAVAILABLE);
        assertThat(CLOSING.requests()).as("the request reached the service before it died").isGreaterThan(before);
    }

    @Test
    void aServiceThatResetsTheConnectionInsteadOfAnsweringIsServiceUnavailable() {
        int before = RESETTING.requests();
        HttpResponse<String> reply = GatewayHttp.send(port, "POST", "/v1/respond/tok.sig",
                BodyPublishers.ofString("{\"choice\":\"Approve\"}"), "Content-Type", "application/json");
        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo(UNAVAILABLE);
        assertThat(RESETTING.requests()).as("the request reached the service before it died").isGreaterThan(before);
    }
}
