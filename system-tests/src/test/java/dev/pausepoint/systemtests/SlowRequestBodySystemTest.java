package dev.pausepoint.systemtests;

import static dev.pausepoint.systemtests.Developer.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.systemtests.Http.Reply;
import dev.pausepoint.testsupport.http.RawHttpConnection;
import dev.pausepoint.testsupport.http.RawHttpConnection.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One tenant's slow request bodies cannot starve the others. Measured before the gateway collected
 * bodies: 70 creates from one key and one address (within both rate limits), each declaring 60,000
 * bytes and sending a byte a second, held all 64 request threads of pause-service; another developer's
 * list call waited 33 s and was then refused (its signed identity had expired in Tomcat's queue), and
 * the slow ones ended only at the gateway's 35 s response timeout, to be sent again.
 */
@Order(3)
class SlowRequestBodySystemTest {

    /** More than pause-service's request threads (SERVER_THREADS, 64). */
    private static final int SLOW_BODIES = 70;
    /** The stack runs the default GATEWAY_REQUEST_BODY_TIMEOUT. */
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);
    /** Generous for a loaded 2-core machine, and far below the 33 s a starved call waited. */
    private static final Duration CALL_BOUND = Duration.ofSeconds(3);
    private static final Duration SLACK = Duration.ofSeconds(10);

    private static final String SMS = """
            {"recipient": "+14155550123", "channel": "sms", "message": "Ship it?", "options": ["Yes", "No"],
             "timeout_default": "No"}""";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Slow(RawHttpConnection connection, long headSentNanos) {
    }

    @Test
    void seventySlowBodiesFromOneKeyLeaveOtherTenantsServedAndEachIs408AtTheDeadline() throws Exception {
        Developer attacker = Developer.register();
        Developer other = Developer.register();
        int port = SystemStack.gateway().getPort();
        List<Slow> slow = new ArrayList<>();
        Thread dribbler = new Thread(() -> dribble(slow), "dribbler");
        dribbler.setDaemon(true);
        try {
            for (int i = 0; i < SLOW_BODIES; i++) {
                RawHttpConnection connection = new RawHttpConnection(port, BODY_TIMEOUT.plus(SLACK).plus(SLACK));
                connection.write("POST /v1/pause HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + attacker.test() + "\r\nX-Forwarded-For: 198.18.77.77\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 60000\r\n\r\n{");
                synchronized (slow) {
                    slow.add(new Slow(connection, System.nanoTime()));
                }
            }
            dribbler.start();

            long firstHead = slow.get(0).headSentNanos();
            int calls = 0;
            Duration slowest = Duration.ZERO;
            while (System.nanoTime() - firstHead < BODY_TIMEOUT.minusSeconds(1).toNanos()) {
                long started = System.nanoTime();
                Reply reply = calls % 4 == 3 ? as(other.test(), "POST", "/v1/pause", SMS)
                        : as(other.test(), "GET", "/v1/pause", null);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(reply.status()).as("another developer's call %d: %s", calls, reply.body()).isIn(200, 201);
                assertThat(took).as("another developer's call %d, %s after the slow bodies began", calls,
                        Duration.ofNanos(started - firstHead)).isLessThan(CALL_BOUND);
                slowest = took.compareTo(slowest) > 0 ? took : slowest;
                calls++;
                Thread.sleep(100);
            }
            assertThat(calls).as("served all along while the slow bodies were open").isGreaterThanOrEqualTo(10);
            System.out.printf("%d calls of another developer while %d slow bodies were open, slowest %d ms%n",
                    calls, SLOW_BODIES, slowest.toMillis());

            for (Slow each : slow) {
                Response response = each.connection().read();
                Duration after = Duration.ofNanos(System.nanoTime() - each.headSentNanos());
                assertThat(response.status()).as(response.body()).isEqualTo(408);
                JsonNode body = JSON.readTree(response.body());
                assertThat(body.get("error").asString()).isEqualTo("REQUEST_TIMEOUT");
                assertThat(body.get("status_code").asInt()).isEqualTo(408);
                assertThat(response.closing()).isTrue();
                assertThat(after).as("answered at the body deadline").isLessThan(BODY_TIMEOUT.plus(SLACK));
                assertThat(each.connection().closedByServerWithin(SLACK)).isTrue();
            }
            Reply attackersPauses = as(attacker.test(), "GET", "/v1/pause", null);
            assertThat(attackersPauses.json().get("items").size()).as("no slow body reached pause-service").isZero();
        } finally {
            dribbler.interrupt();
            synchronized (slow) {
                slow.forEach(each -> each.connection().close());
            }
        }
    }

    /** A byte a second on every slow connection: steadily, so no per-read timeout ever fires. */
    private static void dribble(List<Slow> slow) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1000);
                synchronized (slow) {
                    for (Slow each : slow) {
                        try {
                            each.connection().write(" ");
                        } catch (RuntimeException closed) {
                            // Answered and closed by the gateway: the test reads why.
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
