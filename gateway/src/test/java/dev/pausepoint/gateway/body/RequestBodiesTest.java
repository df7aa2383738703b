package dev.pausepoint.gateway.body;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.gateway.GatewayIntegrationTest;
import dev.pausepoint.testsupport.http.RawHttpConnection;
import dev.pausepoint.testsupport.http.RawHttpConnection.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Request bodies reach a service only whole, and only if they arrive in time: a body still incomplete
 * at the deadline is 408 in the envelope, its connection closed, and nothing was forwarded; one that
 * arrives slowly but in time is forwarded in one piece with its length. Bodies still arriving hold bytes
 * of one ceiling per instance, given back whatever their end. The settings are set through the
 * variables an operator uses, shortened so the test is quick.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"GATEWAY_REQUEST_BODY_TIMEOUT=2s", "GATEWAY_MAX_BUFFERED_BODIES=160KB",
        "GATEWAY_MAX_BUFFERED_BODIES_PER_ADDRESS=100KB"})
class RequestBodiesTest extends GatewayIntegrationTest {

    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(2);
    /** Generous: the machine is shared; the broken behaviour never answers at all (or after 35 s). */
    private static final Duration SLACK = Duration.ofSeconds(4);

    @Autowired
    private BodyBudget budget;

    private RawHttpConnection open() {
        return new RawHttpConnection(port, Duration.ofSeconds(40));
    }

    private static String head(String framing) {
        return head(framing, "198.51.100.1");
    }

    /** A request from {@code address} (the tests are a trusted proxy, so X-Forwarded-For names the client). */
    private static String head(String framing, String address) {
        return "POST /v1/pause HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + LIVE_KEY
                + "\r\nContent-Type: application/json\r\nX-Forwarded-For: " + address + "\r\n" + framing + "\r\n\r\n";
    }

    private static int forwarded() {
        return stubs("pause-service").findAll(anyRequestedFor(anyUrl())).size();
    }

    @Test
    void aBodyStillArrivingAtTheDeadlineIs408InTheEnvelopeAndNothingIsForwarded() throws Exception {
        try (RawHttpConnection connection = open()) {
            connection.write(head("Content-Length: 60000") + "{\"message\":\"");
            long started = System.nanoTime();
            // A byte every 200 ms: each read comes well within any per-read timeout.
            while (!connection.answered() && Duration.ofNanos(System.nanoTime() - started)
                    .compareTo(BODY_TIMEOUT.plus(SLACK)) < 0) {
                connection.write("a");
                Thread.sleep(200);
            }
            Duration answeredAfter = Duration.ofNanos(System.nanoTime() - started);
            assertThat(connection.answered()).as("answered while the body was still arriving").isTrue();
            assertThat(answeredAfter).as("at the deadline, not before it").isGreaterThanOrEqualTo(BODY_TIMEOUT);
            Response response = connection.read();
            JsonNode body = envelope(response, 408, "REQUEST_TIMEOUT");
            assertThat(body.get("message").asString()).contains("2 s");
            assertThat(response.closing()).isTrue();
            assertThat(connection.closedByServerWithin(SLACK)).isTrue();
        }
        assertThat(forwarded()).as("no part of the request reached the service").isZero();
        await().atMost(SLACK).until(() -> budget.held() == 0);
    }

    @Test
    void aClientThatHangsUpMidBodyLeavesNothingHeldAndNothingLogged(CapturedOutput output) throws Exception {
        try (RawHttpConnection connection = open()) {
            connection.write(head("Content-Length: 60000") + "{\"message\":\"" + "a".repeat(30_000));
            await().atMost(SLACK).until(() -> budget.held() >= 30_000);
        }
        await().atMost(SLACK).until(() -> budget.held() == 0);
        // Nothing must happen after the hang-up: no forward, no error logged, for a while after it.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1))
                .until(() -> forwarded() == 0 && !output.getOut().contains("Unhandled failure"));
        assertThat(forwarded()).isZero();
        assertThat(output.getOut()).doesNotContain("Unhandled failure");
    }

    @Test
    void aChunkedBodyDribbledWithinTheDeadlineIsForwardedWholeWithItsLength() throws Exception {
        String json = "{\"message\":\"slow but in time\"}";
        try (RawHttpConnection connection = open()) {
            connection.write(head("Transfer-Encoding: chunked"));
            for (int i = 0; i < json.length(); i += 8) {
                String piece = json.substring(i, Math.min(json.length(), i + 8));
                connection.write(Integer.toHexString(piece.length()) + "\r\n" + piece + "\r\n");
                Thread.sleep(BODY_TIMEOUT.toMillis() / 10);
            }
            connection.write("0\r\n\r\n");
            Response response = connection.read();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.closing()).isFalse();
            assertThat(connection.write("GET /v1/pause/psr_1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + LIVE_KEY + "\r\n\r\n").read().status()).as("and the connection serves on").isEqualTo(200);
        }
        stubs("pause-service").verify(1, postRequestedFor(urlEqualTo("/v1/pause"))
                .withHeader("Content-Length", equalTo(String.valueOf(json.length())))
                .withHeader("Transfer-Encoding", absent())
                .withRequestBody(equalTo(json)));
        await().atMost(SLACK).until(() -> budget.held() == 0);
    }

    @Test
    void bodiesPastTheBufferCeilingAre503UntilTheHeldOnesEnd() {
        List<RawHttpConnection> held = new ArrayList<>();
        try {
            // Two bodies one byte short of whole: about 2 × 60,000 bytes of the 160 KB.
            for (int i = 0; i < 2; i++) {
                RawHttpConnection connection = open();
                held.add(connection);
                connection.write(head("Content-Length: 60001", "198.51.100." + (10 + i)) + "a".repeat(60_000));
            }
            await().atMost(SLACK).until(() -> budget.held() >= 2 * 60_000);
            try (RawHttpConnection third = open()) {
                Response refused = third.write(head("Content-Length: 60000", "198.51.100.12") + "a".repeat(60_000)).read();
                envelope(refused, 503, "SERVICE_UNAVAILABLE");
                assertThat(refused.header("retry-after")).isEqualTo("1");
            }
            for (RawHttpConnection connection : held) {
                assertThat(connection.read().status()).isEqualTo(408);
            }
            await().atMost(SLACK).until(() -> budget.held() == 0);
            try (RawHttpConnection fourth = open()) {
                Response served = fourth.write(head("Content-Length: 60000") + "a".repeat(60_000)).read();
                assertThat(served.status()).as("room again once they ended").isEqualTo(200);
            }
        } finally {
            held.forEach(RawHttpConnection::close);
        }
        assertThat(forwarded()).isEqualTo(1);
    }

    @Test
    void anAddressPastItsShareIs429WhileAnotherAddressIsServed() {
        String greedy = "198.51.100.20";
        try (RawHttpConnection held = open()) {
            held.write(head("Content-Length: 60001", greedy) + "a".repeat(60_000));
            await().atMost(SLACK).until(() -> budget.heldBy(greedy) >= 60_000);
            try (RawHttpConnection second = open()) {
                Response refused = second.write(head("Content-Length: 60000", greedy) + "a".repeat(60_000)).read();
                envelope(refused, 429, "RATE_LIMITED");
                assertThat(refused.header("retry-after")).isEqualTo("1");
            }
            try (RawHttpConnection other = open()) {
                Response served = other.write(head("Content-Length: 60000", "198.51.100.21") + "a".repeat(60_000)).read();
                assertThat(served.status()).as("another address still has room").isEqualTo(200);
            }
            assertThat(held.read().status()).isEqualTo(408);
        }
        await().atMost(SLACK).until(() -> budget.held() == 0 && budget.heldBy(greedy) == 0);
        assertThat(forwarded()).isEqualTo(1);
    }
}
