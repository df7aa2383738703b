package dev.pausepoint.gateway.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.gateway.GatewayIntegrationTest;
import dev.pausepoint.testsupport.http.RawHttpConnection;
import dev.pausepoint.testsupport.http.RawHttpConnection.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Connections that hold the server without finishing a request are closed: a request head must be
 * complete within the head timeout of the connection opening or of its first byte, and a kept-alive
 * connection with nothing in progress closes after the idle timeout. A request whose head arrived
 * in time may take as long as its answer takes. The timeouts are set here through the same
 * environment variables an operator uses, shortened so the test is quick.
 */
@TestPropertySource(properties = {"GATEWAY_REQUEST_HEAD_TIMEOUT=2s", "GATEWAY_IDLE_TIMEOUT=4s"})
class SlowConnectionsTest extends GatewayIntegrationTest {

    private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(4);
    /** Generous: the machine is shared, and the close only has to come well before "never". */
    private static final Duration SLACK = Duration.ofSeconds(4);

    private RawHttpConnection open() {
        return new RawHttpConnection(port, Duration.ofSeconds(40));
    }

    private static String request(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + LIVE_KEY + "\r\n\r\n";
    }

    @Test
    void connectionsThatSendHalfARequestLineAreClosedWithinTheHeadTimeout() {
        List<RawHttpConnection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                connections.add(open().write("GET /v1/pause/psr_1 HT"));
            }
            long started = System.nanoTime();
            assertThat(connections.get(0).closedByServerWithin(HEAD_TIMEOUT.dividedBy(2)))
                    .as("still open well before the timeout").isFalse();
            for (RawHttpConnection connection : connections) {
                Duration left = HEAD_TIMEOUT.plus(SLACK).minusNanos(System.nanoTime() - started);
                assertThat(connection.closedByServerWithin(left.isNegative() ? Duration.ofMillis(1) : left))
                        .as("closed by the server within the head timeout").isTrue();
            }
        } finally {
            connections.forEach(RawHttpConnection::close);
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedWithinTheHeadTimeout() {
        try (RawHttpConnection connection = open()) {
            assertThat(connection.closedByServerWithin(HEAD_TIMEOUT.plus(SLACK))).isTrue();
        }
    }

    @Test
    void aHeadDribbledAByteAtATimeIsClosedWithinTheHeadTimeoutThoughEveryByteArrivesSoon() throws Exception {
        try (RawHttpConnection connection = open()) {
            long started = System.nanoTime();
            String request = request("/v1/pause/psr_1");
            int sent = 0;
            while (sent < request.length() && Duration.ofNanos(System.nanoTime() - started)
                    .compareTo(HEAD_TIMEOUT.plus(SLACK)) < 0) {
                connection.write(request.substring(sent, sent + 1));
                sent++;
                if (connection.closedByServerWithin(Duration.ofMillis(200))) {
                    break;
                }
            }
            assertThat(sent).as("closed before the head was complete").isLessThan(request.length());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(HEAD_TIMEOUT.plus(SLACK));
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() {
        try (RawHttpConnection connection = open()) {
            Response first = connection.write(request("/v1/pause/psr_1")).read();
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.closing()).isFalse();
            assertThat(connection.closedByServerWithin(IDLE_TIMEOUT.dividedBy(2)))
                    .as("kept alive for a while after the answer").isFalse();
            assertThat(connection.closedByServerWithin(IDLE_TIMEOUT.plus(SLACK))).isTrue();
        }
    }

    @Test
    void aKeptAliveConnectionThatStartsAHeadMustFinishItWithinTheHeadTimeout() {
        try (RawHttpConnection connection = open()) {
            assertThat(connection.write(request("/v1/pause/psr_1")).read().status()).isEqualTo(200);
            connection.write("GET /v1/pau");
            long started = System.nanoTime();
            assertThat(connection.closedByServerWithin(HEAD_TIMEOUT.plus(SLACK))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the head timeout, not the longer idle one")
                    .isLessThan(IDLE_TIMEOUT.plus(Duration.ofSeconds(1)));
        }
    }

    @Test
    void aSlowButCompleteRequestAndTheNextOnTheSameConnectionAreServed() throws Exception {
        try (RawHttpConnection connection = open()) {
            String request = "POST /v1/pause HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + LIVE_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
            int third = request.length() / 3;
            for (String piece : List.of(request.substring(0, third), request.substring(third, 2 * third),
                    request.substring(2 * third))) {
                connection.write(piece);
                Thread.sleep(HEAD_TIMEOUT.toMillis() / 4);
            }
            assertThat(connection.read().status()).isEqualTo(200);
            assertThat(connection.write(request("/v1/pause/psr_1")).read().status()).isEqualTo(200);
        }
    }

    @Test
    void aThirtySecondLongPollIsAnsweredThoughItOutlastsBothTimeouts() {
        // pause-service answers at once; the gateway parks the wait for its 30 s (nothing wakes it).
        stubs("pause-service").stubFor(get(urlEqualTo("/v1/pause/psr_1?wait=30"))
                .willReturn(okJson("{\"status\":\"pending\"}")));
        try (RawHttpConnection connection = open()) {
            long started = System.nanoTime();
            Response answer = connection.write(request("/v1/pause/psr_1?wait=30")).read();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"status\":\"pending\"}");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
            assertThat(connection.write(request("/v1/pause/psr_1")).read().status()).as("and the connection serves on")
                    .isEqualTo(200);
        }
    }
}
