package dev.pausepoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.testsupport.embedded.FreePorts;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.spring.RealInfrastructure;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every service unreachable: the gateway still answers, in the envelope, without leaking addresses. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "pausepoint.internal-secret=" + TestSecrets.INTERNAL_SECRET})
@RealInfrastructure
class GatewayWithServicesDownTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void nobodyListens(DynamicPropertyRegistry registry) {
        for (String name : DownstreamStubs.SERVICE_NAMES) {
            int closed = FreePorts.next();
            registry.add("pausepoint.services." + name, () -> "http://localhost:" + closed);
        }
    }

    @Test
    void credentialsThatCannotBeCheckedAreServiceUnavailableNotInvalid() {
        HttpResponse<String> reply = GatewayHttp.send(port, "POST", "/v1/pause", BodyPublishers.ofString("{}"),
                "Content-Type", "application/json", "Authorization", "Bearer pp_live_" + "a".repeat(48));
        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(reply.body()).contains("\"error\":\"SERVICE_UNAVAILABLE\"").doesNotContain("INVALID_API_KEY");
    }

    @Test
    void apiCallToAnUnreachableServiceIsServiceUnavailable() {
        HttpResponse<String> reply = GatewayHttp.send(port, "POST", "/v1/auth/register", BodyPublishers.ofString("{}"),
                "Content-Type", "application/json");
        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo("{\"error\":\"SERVICE_UNAVAILABLE\",\"message\":\"A service needed for "
                + "this request is unavailable; try again shortly.\",\"status_code\":503}");
    }

    @Test
    void healthIs503WithEveryServiceDown() {
        HttpResponse<String> reply = GatewayHttp.get(port, "/health");
        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo("{\"status\":\"degraded\",\"services\":{\"billing-service\":\"down\","
                + "\"delivery-service\":\"down\",\"pause-service\":\"down\",\"response-service\":\"down\"}}");
    }
}
