package dev.pausepoint.gateway.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.gateway.GatewayIntegrationTest;
import dev.pausepoint.testsupport.http.RawHttpConnection;
import dev.pausepoint.testsupport.http.RawHttpConnection.Response;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Requests the gateway refuses before any route or service sees them: what Netty cannot decode, and
 * request targets no service could read the same way. Each is answered in the envelope, never with an
 * empty body or a framework page, and nothing is forwarded.
 */
class EdgeRefusalsTest extends GatewayIntegrationTest {

    private static int forwarded() {
        return List.of("billing-service", "delivery-service", "pause-service", "response-service").stream()
                .mapToInt(service -> stubs(service).findAll(anyRequestedFor(anyUrl())).stream()
                        .filter(request -> !request.getUrl().startsWith("/internal/")).toList().size())
                .sum();
    }

    private Response send(String requestLine, String... headers) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return RawHttpConnection.exchange(port, request.append("\r\n").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/pause/psr_1%00", "/respond/abc%00def", "/v1/auth/login%00", "/%00",
            "/v1/pause/%zz", "/v1/pause/psr_1%", "/v1/pause/psr_1%4", "/v1/pause/%e0%80", "/v1/pause/%c0%af",
            "/v1/pause/%ed%a0%80", "/v1/pause/%ff", "/v1/pause/%0a", "/v1/pause/%7f", "/v1/pause/a{b",
            "/v1/pause/a\"b", "/v1/pause/a<b>", "/v1/pause/a\\b", "/v1/pause/a|b", "/v1/pause/a^b",
            "/v1/pause/a`b", "/v1/pause/a#b", "/v1/pause/\u00e9", "*", "http://example.com/v1/pause"})
    void aPathNoServiceCouldReadIsNotFoundInTheEnvelope(String target) {
        Response response = send("GET " + target + " HTTP/1.1", "Authorization: Bearer " + LIVE_KEY);
        envelope(response, 404, "NOT_FOUND");
        assertThat(forwarded()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/pause?status=%zz", "/v1/pause?status=pending%", "/v1/pause?status={x}",
            "/v1/pause?status=%00", "/v1/pause?status=%e0%80", "/v1/pause?st%00tus=x", "/v1/pause?status=a%0d%0ab"})
    void aQueryNoServiceCouldReadIsAValidationErrorNamingIt(String target) {
        Response response = send("GET " + target + " HTTP/1.1", "Authorization: Bearer " + LIVE_KEY);
        JsonNode body = envelope(response, 422, "VALIDATION_ERROR");
        assertThat(body.get("detail").get(0).get("issue").asString()).contains("percent-encoded UTF-8");
        assertThat(forwarded()).isZero();
    }

    @Test
    void aRequestLineOverTheLimitIsUriTooLongInTheEnvelope() {
        Response response = send("GET /v1/pause/" + "a".repeat(5000) + " HTTP/1.1");
        JsonNode body = envelope(response, 414, "URI_TOO_LONG");
        assertThat(body.get("message").asString()).contains("4 KB");
        assertThat(forwarded()).isZero();
    }

    @Test
    void headersOverTheLimitAreRequestHeadersTooLargeInTheEnvelope() {
        Response response = send("GET /v1/pause HTTP/1.1", "X-Padding: " + "a".repeat(9000));
        JsonNode body = envelope(response, 431, "REQUEST_HEADERS_TOO_LARGE");
        assertThat(body.get("message").asString()).contains("8 KB");
        assertThat(forwarded()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /v1/pause HTTP/9.9", "GET /v1/pause HTTX/1.1", "NOT HTTP AT ALL"})
    void aRequestThatIsNotHttpIsAValidationErrorInTheEnvelope(String requestLine) {
        Response response = send(requestLine);
        JsonNode body = envelope(response, 422, "VALIDATION_ERROR");
        assertThat(body.get("detail").get(0).get("field").asString()).isEqualTo("request");
        assertThat(forwarded()).isZero();
    }

    @Test
    void aMalformedHeaderIsAValidationErrorInTheEnvelope() {
        Response response = send("GET /v1/pause HTTP/1.1", "Bad Header Name: x");
        envelope(response, 422, "VALIDATION_ERROR");
        assertThat(forwarded()).isZero();
    }

    @Test
    void aBodyWithBrokenChunkedFramingIsAValidationErrorOnBodyInTheEnvelope() {
        try (RawHttpConnection connection = new RawHttpConnection(port, Duration.ofSeconds(10))) {
            Response response = connection.write("POST /v1/pause HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + LIVE_KEY + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "2\r\n{}\r\nzz\r\n").read();
            JsonNode body = envelope(response, 422, "VALIDATION_ERROR");
            assertThat(body.get("detail").get(0).get("field").asString()).isEqualTo("body");
            assertThat(body.get("detail").get(0).get("issue").asString()).contains("chunked");
            assertThat(response.closing()).as("nothing after the break can be read").isTrue();
            assertThat(connection.closedByServerWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(forwarded()).isZero();
    }

    @Test
    void aClientThatWritesAWholeBodyOverTheLimitReadsThe413() {
        // Far more than the socket buffers hold: the gateway must go on reading after its answer, or the
        // client's writes meet a reset (Connection: close is when the gateway ends the connection).
        byte[] body = new byte[16 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        try (RawHttpConnection connection = new RawHttpConnection(port, Duration.ofSeconds(10))) {
            connection.write("POST /v1/pause HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: "
                    + "Bearer " + LIVE_KEY + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n");
            connection.write(body);
            Response response = connection.read();
            envelope(response, 413, "PAYLOAD_TOO_LARGE");
            assertThat(connection.closedByServerWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(forwarded()).isZero();
    }

    @Test
    void aClientThatGoesOnSendingAfterTheAnswerIsCutOffAfterTheLingerTime() throws InterruptedException {
        try (RawHttpConnection connection = new RawHttpConnection(port, Duration.ofSeconds(10))) {
            Response response = connection.write("POST /v1/pause HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + LIVE_KEY + "\r\nContent-Length: 1000000000\r\n\r\n").read();
            envelope(response, 413, "PAYLOAD_TOO_LARGE");
            long answered = System.nanoTime();
            byte[] chunk = new byte[64 * 1024];
            Duration cutOff = null;
            while (cutOff == null && System.nanoTime() - answered < Duration.ofSeconds(10).toNanos()) {
                try {
                    connection.write(chunk);
                } catch (UncheckedIOException reset) {
                    cutOff = Duration.ofNanos(System.nanoTime() - answered);
                }
                Thread.sleep(50);
            }
            // The default linger is 2 s: read and dropped for a while, then closed however much is left.
            assertThat(cutOff).as("the connection was closed in the end").isNotNull()
                    .isGreaterThan(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(7));
        }
        assertThat(forwarded()).isZero();
    }

    @Test
    void theConnectionKeepsServingAfterARefusedPath() {
        try (RawHttpConnection connection = new RawHttpConnection(port, Duration.ofSeconds(5))) {
            connection.write("POST /v1/pause/%zz HTTP/1.1\r\nHost: localhost\r\nContent-Length: 9\r\n\r\n{\"a\":\"b\"}");
            Response refused = connection.read();
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.closing()).isFalse();
            connection.write("GET /v1/nothing-here HTTP/1.1\r\nHost: localhost\r\n\r\n");
            Response next = connection.read();
            assertThat(next.status()).isEqualTo(404);
            assertThat(next.body()).isEqualTo(
                    "{\"error\":\"NOT_FOUND\",\"message\":\"No endpoint GET /v1/nothing-here.\",\"status_code\":404}");
        }
        assertThat(forwarded()).isZero();
    }

    @Test
    void aClientCannotForgeARefusal() {
        Response response = send("GET /v1/pause/psr_1 HTTP/1.1", "Authorization: Bearer " + LIVE_KEY,
                EdgeRequestGuard.REFUSAL_HEADER + ": URI_TOO_LONG");
        assertThat(response.status()).isEqualTo(200);
        assertThat(forwarded()).isEqualTo(1);
    }
}
