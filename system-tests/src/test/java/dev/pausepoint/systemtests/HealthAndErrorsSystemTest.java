package dev.pausepoint.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.systemtests.Http.Reply;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The foundation as a client sees it through the gateway, with every service a real process. */
@Order(1)
class HealthAndErrorsSystemTest {

    @Test
    void healthReportsEveryServiceOk() {
        Reply reply = Http.get("/health");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"status\":\"ok\",\"services\":{\"billing-service\":\"ok\","
                + "\"delivery-service\":\"ok\",\"pause-service\":\"ok\",\"response-service\":\"ok\"}}");
    }

    @Test
    void unknownPathIsNotFoundInTheEnvelope() {
        Reply reply = Http.get("/v1/nothing-here");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo(
                "{\"error\":\"NOT_FOUND\",\"message\":\"No endpoint GET /v1/nothing-here.\",\"status_code\":404}");
        assertThat(reply.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void unknownPathInsideAServicesPrefixIsAnsweredByThatServiceInTheSameEnvelope() {
        String key = Http.postJson("/v1/auth/register", "{\"email\":\"paths-" + java.util.UUID.randomUUID()
                + "@example.com\",\"name\":\"P\",\"password\":\"a long enough password\"}").json().get("api_key").asString();
        Reply reply = Http.send("GET", "/v1/pause/psr_unknown/whatever", BodyPublishers.noBody(),
                "Authorization", "Bearer " + key);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error").asString()).isEqualTo("NOT_FOUND");
        assertThat(reply.json().get("status_code").asInt()).isEqualTo(404);
    }

    @Test
    void protectedPathWithoutAKeyIsInvalidApiKey() {
        Reply reply = Http.get("/v1/pause/psr_unknown");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asString()).isEqualTo("INVALID_API_KEY");
    }

    @Test
    void wrongMethodIsMethodNotAllowed() {
        Reply reply = Http.send("DELETE", "/health", BodyPublishers.noBody());
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.json().get("error").asString()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(reply.header("Allow")).isEqualTo("GET");
    }

    @Test
    void hundredKilobyteBodyIsPayloadTooLarge() {
        Reply reply = Http.postJson("/v1/pause", "{\"message\":\"" + "x".repeat(100 * 1024) + "\"}");
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).isEqualTo("{\"error\":\"PAYLOAD_TOO_LARGE\",\"message\":\"Request body is larger "
                + "than the limit of 64 KB.\",\"status_code\":413}");
    }

    @Test
    void internalEndpointsAndServiceActuatorsAreNotReachableFromOutside() {
        assertThat(Http.get("/internal/pauses/psr_1").status()).isEqualTo(404);
        assertThat(Http.get("/v1/pause/../internal/pauses/psr_1").status()).isEqualTo(404);
        assertThat(Http.get("/actuator/health").status()).isEqualTo(404);
    }

    @Test
    void everyAnswerCarriesARequestIdAndAWellFormedOneIsKept() {
        assertThat(Http.get("/health").header("X-Request-Id")).startsWith("req_");
        Reply reply = Http.send("GET", "/v1/nothing-here", BodyPublishers.noBody(), "X-Request-Id", "trace-abc-123");
        assertThat(reply.header("X-Request-Id")).isEqualTo("trace-abc-123");
        Reply routed = Http.send("POST", "/v1/auth/login", BodyPublishers.ofString("{}"), "Content-Type",
                "application/json", "X-Request-Id", "trace-abc-456");
        assertThat(routed.raw().headers().allValues("X-Request-Id")).as("one id, the same in gateway and service")
                .containsExactly("trace-abc-456");
    }
}
