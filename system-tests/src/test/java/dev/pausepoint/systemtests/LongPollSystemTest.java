package dev.pausepoint.systemtests;

import static dev.pausepoint.systemtests.Developer.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.kit.SignedClient;
import dev.pausepoint.localstack.Service;
import dev.pausepoint.systemtests.Http.Reply;
import dev.pausepoint.testsupport.RedisAccess;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.embedded.FreePorts;
import dev.pausepoint.testsupport.http.RawHttpConnection;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Long-polls across processes: a wake-up that crosses pause-service instances through Postgres, the
 * gateway's per-developer cap with its real default against the real pause-service, and a
 * pause-service at the local JVM options (192 MB heap) holding up under more waiters than its cap.
 */
@Order(3)
class LongPollSystemTest {

    private static final String SMS = """
            {"recipient": "+14155550123", "channel": "sms", "message": "Ship it?", "options": ["Yes", "No"],
             "timeout_default": "No"}""";

    /** Well under the 20 s waits below, which is when a missed wake-up would answer. */
    private static final Duration WAKE_BOUND = Duration.ofSeconds(5);

    private static final RequestSigner SIGNER = new RequestSigner(TestSecrets.INTERNAL_SECRET);
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A pause-service started for one test, reached directly on {@code port}. */
    record Instance(Process process, int port, int managementPort) {
    }

    record Timed(Reply reply, long arrivedNanos) {
        Duration after(long changedNanos) {
            return Duration.ofNanos(arrivedNanos - changedNanos);
        }
    }

    @Test
    void aWaiterParkedThroughTheGatewayWakesWhenAnotherInstanceAnswersThePause() throws Exception {
        // The gateway sends every request to the stack's pause-service; this second instance is reached
        // only directly, as response-service would reach it behind a load balancer.
        Instance other = startPauseService(Map.of());
        try {
            Developer keys = Developer.register();
            String id = as(keys.test(), "POST", "/v1/pause", SMS).json().get("pause_id").asString();
            CompletableFuture<Timed> parked = CompletableFuture.supplyAsync(() -> {
                Reply reply = as(keys.test(), "GET", "/v1/pause/" + id + "?wait=20", null);
                return new Timed(reply, System.nanoTime());
            });
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !parked.isDone());

            SignedClient.Reply answered = new SignedClient(other.port(), SIGNER).internalPost("/internal/pauses/" + id
                    + "/response", "{\"choice\":\"Yes\",\"text\":null,\"actor_ip\":\"1.1.1.1\",\"user_agent\":\"B\"}",
                    "response-service");
            long changed = System.nanoTime();
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);

            Timed woken = parked.get(30, TimeUnit.SECONDS);
            assertThat(woken.reply().status()).isEqualTo(200);
            assertThat(woken.reply().json().get("status").asString()).isEqualTo("responded");
            assertThat(woken.after(changed)).as("woken through Postgres by the other instance's change, not by the "
                    + "end of the wait").isLessThan(WAKE_BOUND);
        } finally {
            SystemStack.fleet().stopAnother(other.process());
        }
    }

    @Test
    void oneKeyParksAtMostAHundredWaitsTheNextIs429AndOthersAreUnaffected() throws Exception {
        Developer flooder = Developer.register();
        Developer bystander = Developer.register();
        String flooderId = as(flooder.test(), "GET", "/v1/auth/me", null).json().get("developer_id").asString();
        String id = as(flooder.test(), "POST", "/v1/pause", SMS).json().get("pause_id").asString();
        String othersId = as(bystander.test(), "POST", "/v1/pause", SMS).json().get("pause_id").asString();
        ExecutorService clients = Executors.newFixedThreadPool(102);
        try {
            List<CompletableFuture<Timed>> flood = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                flood.add(CompletableFuture.supplyAsync(() -> new Timed(
                        as(flooder.test(), "GET", "/v1/pause/" + id + "?wait=20", null), System.nanoTime()), clients));
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> flood.stream().filter(CompletableFuture::isDone).count() == 1);
            Reply refused = flood.stream().filter(CompletableFuture::isDone).findFirst().orElseThrow().join().reply();
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 20);
            assertThat(refused.json().get("error").asString()).isEqualTo("RATE_LIMITED");
            assertThat(refused.json().get("message").asString()).startsWith("Concurrent long-poll limit of 100 ");
            assertThat(waitSlots(flooderId, "test")).isEqualTo(100);

            CompletableFuture<Reply> others = CompletableFuture.supplyAsync(
                    () -> as(bystander.test(), "GET", "/v1/pause/" + othersId + "?wait=20", null), clients);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !others.isDone());

            assertThat(flood.stream().filter(CompletableFuture::isDone)).as("the hundred are parked").hasSize(1);
            assertThat(as(flooder.test(), "DELETE", "/v1/pause/" + id, null).status()).isEqualTo(200);
            long cancelled = System.nanoTime();
            for (CompletableFuture<Timed> poll : flood) {
                Timed answer = poll.get(30, TimeUnit.SECONDS);
                if (answer.reply() != refused) {
                    assertThat(answer.reply().json().get("status").asString()).isEqualTo("cancelled");
                    assertThat(answer.after(cancelled)).isLessThan(WAKE_BOUND);
                }
            }
            assertThat(others).as("the other developer's wait is still parked").isNotDone();
            as(bystander.test(), "DELETE", "/v1/pause/" + othersId, null);
            assertThat(others.get(30, TimeUnit.SECONDS).json().get("status").asString()).isEqualTo("cancelled");
            await().atMost(Duration.ofSeconds(5)).until(() -> waitSlots(flooderId, "test") == 0);
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * The flood, minus the gateway's caps: 2,000 long-polls straight at one pause-service with the
     * local JVM options. Without its own cap it ran out of heap and exited; with it, it parks its cap,
     * refuses the rest with 503, and keeps serving. Also measures the heap one parked request holds,
     * printed as {@code long-poll heap per parked request}.
     */
    @Test
    void twoThousandWaitsAtOnePauseServiceParkItsCapAndItKeepsServing() throws Exception {
        Instance instance = startPauseService(Map.of("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,metrics"));
        Process service = instance.process();
        int port = instance.port();
        int management = instance.managementPort();
        List<RawHttpConnection> connections = new ArrayList<>();
        try {
            SignedClient direct = new SignedClient(port, SIGNER);
            CallerIdentity flooder = new CallerIdentity("dev_" + UUID.randomUUID(), KeyMode.TEST, "free",
                    CredentialKind.API_KEY, "203.0.113.7");
            int capacity = (int) ProcessProbe.gauge(management, "pausepoint.longpoll.capacity");
            System.out.println("pause-service long-poll capacity at the local JVM options: " + capacity);
            assertThat(capacity).as("0.3 of a 192 MB heap at 80 KB each").isBetween(680, 740);
            String id = direct.postJson("/v1/pause", SMS, flooder).json().get("pause_id").asString();

            // Warm-up, so that Tomcat's cached processors count in the baseline and not in the figure.
            List<RawHttpConnection> warmUp = park(port, id, flooder, 250, 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> ProcessProbe.gauge(management, "pausepoint.longpoll.waiters") == 0);
            closeAll(warmUp);
            int half = capacity / 2;
            connections.addAll(park(port, id, flooder, half, 25));
            await().atMost(Duration.ofSeconds(20)).until(() -> ProcessProbe.gauge(management, "pausepoint.longpoll.waiters") == half);
            long atHalf = ProcessProbe.heapUsedAfterGc(service.pid());

            connections.addAll(park(port, id, flooder, capacity - half, 25));
            await().atMost(Duration.ofSeconds(20)).until(() -> ProcessProbe.gauge(management, "pausepoint.longpoll.waiters") == capacity);
            long atCapacity = ProcessProbe.heapUsedAfterGc(service.pid());
            System.out.printf("long-poll heap per parked request: %d bytes (heap after GC %d MB with %d parked)%n",
                    (atCapacity - atHalf) / (capacity - half), atCapacity / (1024 * 1024), capacity);

            connections.addAll(park(port, id, flooder, 2_000 - capacity, 25));
            await().atMost(Duration.ofSeconds(60)).until(() -> answered(connections) == 2_000 - capacity);
            assertThat(ProcessProbe.gauge(management, "pausepoint.longpoll.waiters")).isEqualTo(capacity);
            System.out.printf("heap after GC with %d parked and %d refused: %d MB%n", capacity, 2_000 - capacity,
                    ProcessProbe.heapUsedAfterGc(service.pid()) / (1024 * 1024));
            assertThat(service.isAlive()).isTrue();
            for (RawHttpConnection connection : connections) {
                if (connection.answered()) {
                    String head = connection.read().head();
                    assertThat(head).startsWith("HTTP/1.1 503 ").contains("\r\nRetry-After: 5\r\n");
                }
            }

            // Full of waiters, it still serves: another developer's create, read and list, a long-poll with
            // nothing to wait for, and the answer that wakes every waiter.
            CallerIdentity other = new CallerIdentity("dev_" + UUID.randomUUID(), KeyMode.TEST, "free",
                    CredentialKind.API_KEY, "203.0.113.8");
            SignedClient.Reply created = direct.postJson("/v1/pause", SMS, other);
            assertThat(created.status()).isEqualTo(201);
            String othersId = created.json().get("pause_id").asString();
            assertThat(direct.get("/v1/pause/" + othersId, other).status()).isEqualTo(200);
            assertThat(direct.get("/v1/pause", other).status()).isEqualTo(200);
            assertThat(direct.get("/v1/pause/" + othersId + "?wait=20", other).status()).as("full").isEqualTo(503);
            assertThat(direct.send("DELETE", "/v1/pause/" + othersId, null, null, other).status()).isEqualTo(200);
            assertThat(direct.get("/v1/pause/" + othersId + "?wait=20", other).status()).isEqualTo(200);
            assertThat(direct.internalPost("/internal/pauses/" + id + "/response",
                    "{\"choice\":\"Yes\",\"text\":null,\"actor_ip\":\"1.1.1.1\",\"user_agent\":\"flood\"}",
                    "response-service").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> ProcessProbe.gauge(management, "pausepoint.longpoll.waiters") == 0);
            assertThat(service.isAlive()).isTrue();
        } finally {
            closeAll(connections);
            SystemStack.fleet().stopAnother(instance.process());
        }
    }

    private static Instance startPauseService(Map<String, String> environment) {
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        Process process = SystemStack.fleet().startAnother(Service.PAUSE, port, managementPort, environment);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the extra pause-service exited; see its log in target/stack-logs");
            }
            return ready(port);
        });
        return new Instance(process, port, managementPort);
    }

    private static boolean ready(int port) {
        try {
            return PROBE.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/readyz")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }


    /** Signed long-polls on raw connections, left unread so they stay parked (or hold their refusal). */
    private static List<RawHttpConnection> park(int port, String pauseId, CallerIdentity caller, int count,
            int waitSeconds) {
        String path = "/v1/pause/" + pauseId;
        List<RawHttpConnection> connections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder request = new StringBuilder("GET " + path + "?wait=" + waitSeconds
                    + " HTTP/1.1\r\nHost: localhost\r\n");
            SIGNER.signIdentity(caller, "GET", path)
                    .forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            connections.add(RawHttpConnection.openWith(port, request.append("\r\n").toString()));
        }
        return connections;
    }

    private static long answered(List<RawHttpConnection> connections) {
        return connections.stream().filter(RawHttpConnection::answered).count();
    }

    private static void closeAll(List<RawHttpConnection> connections) {
        connections.forEach(RawHttpConnection::close);
    }

    /** Slots the gateway holds in Redis for one developer's waits in one mode (ZCARD over plain RESP). */
    private static long waitSlots(String developerId, String mode) throws IOException {
        RedisAccess redis = TestInfrastructure.redis();
        String key = "lp:" + developerId + ":" + mode;
        try (Socket socket = new Socket(redis.host(), redis.port())) {
            socket.getOutputStream().write(("*2\r\n$5\r\nZCARD\r\n$" + key.getBytes(StandardCharsets.UTF_8).length
                    + "\r\n" + key + "\r\n").getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            for (int next = in.read(); next >= 0 && next != '\r'; next = in.read()) {
                reply.append((char) next);
            }
            assertThat(reply.toString()).as("a RESP integer").startsWith(":");
            return Long.parseLong(reply.substring(1));
        }
    }
}
