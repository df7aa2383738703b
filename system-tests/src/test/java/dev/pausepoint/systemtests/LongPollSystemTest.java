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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Long-polls across processes: a wake-up caused by a change on another pause-service instance, heard
 * by the gateway through the pause event, the gateway's per-developer cap with its real default against
 * the real pause-service, and a gateway at the local JVM options (192 MB heap) parking 2,000 waits up to
 * its cap while pause-service holds none.
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
            assertThat(woken.after(changed)).as("woken by the pause event of the other instance's change, not by "
                    + "the end of the wait").isLessThan(WAKE_BOUND);
            // The gateway read the woken pause in a batch call (POST /internal/pauses/woken), not through the
            // route: the waiter still gets what a read gives, to the byte and with the same headers.
            Reply read = as(keys.test(), "GET", "/v1/pause/" + id, null);
            assertThat(woken.reply().body()).isEqualTo(read.body());
            assertThat(woken.reply().header("Content-Type")).isEqualTo(read.header("Content-Type"));
            assertThat(headerNames(woken.reply())).isEqualTo(headerNames(read));
        } finally {
            SystemStack.fleet().stopAnother(other.process());
        }
    }

    private static Set<String> headerNames(Reply reply) {
        Set<String> names = new TreeSet<>();
        reply.raw().headers().map().keySet().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        return names;
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
     * The flood at one gateway with the local JVM options (192 MB heap) and its instance cap at
     * 1,500: it parks its cap, refuses the rest with 503 and {@code Retry-After}, keeps serving, and
     * wakes every waiter on the one change. Also measures the heap one wait parked in the gateway holds,
     * printed as {@code long-poll gateway heap per parked wait}. pause-service answers each read at once,
     * so it holds no request meanwhile.
     */
    @Test
    void twoThousandWaitsAtOneGatewayParkItsCapAndItKeepsServing() throws Exception {
        int cap = 1_500;
        int port = FreePorts.next();
        int management = FreePorts.next();
        Process gateway = SystemStack.fleet().startAnother(Service.GATEWAY, port, management, Map.ofEntries(
                Map.entry("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,metrics"),
                Map.entry("TRUSTED_PROXIES", "127.0.0.1/32,::1/128"),
                Map.entry("PAUSEPOINT_GATEWAY_RATELIMITS_APIKEY", "100000000"),
                Map.entry("PAUSEPOINT_GATEWAY_RATELIMITS_CLIENTIP", "100000000"),
                Map.entry("LONG_POLL_MAX_PER_DEVELOPER", "30000"),
                Map.entry("LONG_POLL_MAX_PER_INSTANCE", String.valueOf(cap))));
        List<RawHttpConnection> connections = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!gateway.isAlive()) {
                    throw new IllegalStateException("the extra gateway exited; see its log in target/stack-logs");
                }
                return ready(port, "/health");
            });
            Developer flooder = Developer.register();
            String id = as(flooder.test(), "POST", "/v1/pause", SMS).json().get("pause_id").asString();
            assertThat(ProcessProbe.gauge(management, "pausepoint.longpoll.capacity")).isEqualTo(cap);

            // Warm-up, so that pools and compiled code count in the baseline and not in the figure.
            List<RawHttpConnection> warmUp = parkAtGateway(port, flooder.test(), id, 250, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> warmUp.stream().allMatch(RawHttpConnection::answered));
            closeAll(warmUp);
            await().atMost(Duration.ofSeconds(10)).until(() -> ProcessProbe.gauge(management, "pausepoint.longpoll.waiters") == 0);
            int half = cap / 2;
            connections.addAll(parkAtGateway(port, flooder.test(), id, half, 25));
            await().atMost(Duration.ofSeconds(30)).until(() -> ProcessProbe.gauge(management, "pausepoint.longpoll.waiters") == half);
            long atHalf = ProcessProbe.heapUsedAfterGc(gateway.pid());
            connections.addAll(parkAtGateway(port, flooder.test(), id, cap - half, 25));
            await().atMost(Duration.ofSeconds(30)).until(() -> ProcessProbe.gauge(management, "pausepoint.longpoll.waiters") == cap);
            long atCap = ProcessProbe.heapUsedAfterGc(gateway.pid());
            System.out.printf("long-poll gateway heap per parked wait: %d bytes (heap after GC %d MB with %d parked)%n",
                    (atCap - atHalf) / (cap - half), atCap / (1024 * 1024), cap);

            connections.addAll(parkAtGateway(port, flooder.test(), id, 2_000 - cap, 25));
            await().atMost(Duration.ofSeconds(60)).until(() -> answered(connections) == 2_000 - cap);
            assertThat(ProcessProbe.gauge(management, "pausepoint.longpoll.waiters")).isEqualTo(cap);
            for (RawHttpConnection connection : connections) {
                if (connection.answered()) {
                    assertThat(connection.read().head()).startsWith("HTTP/1.1 503 ").contains("\r\nRetry-After: 5\r\n");
                }
            }
            assertThat(gateway.isAlive()).isTrue();

            // Full of waits, it still serves: a read, and the cancel that wakes every waiter (through this
            // gateway: the flood has used up the key's rate limit at the stack's, whose limits are not raised).
            URI url = URI.create("http://localhost:" + port);
            Http.Reply read = Http.send(url, "GET", "/v1/pause/" + id, HttpRequest.BodyPublishers.noBody(),
                    "Authorization", "Bearer " + flooder.test());
            assertThat(read.status()).isEqualTo(200);
            assertThat(Http.send(url, "DELETE", "/v1/pause/" + id, HttpRequest.BodyPublishers.noBody(),
                    "Authorization", "Bearer " + flooder.test()).status()).isEqualTo(200);
            long cancelled = System.nanoTime();
            List<RawHttpConnection> parked = connections.subList(0, cap);
            await().atMost(Duration.ofSeconds(20)).until(() -> parked.stream().allMatch(RawHttpConnection::answered));
            System.out.printf("all %d parked waits answered %d ms after the cancel%n", cap,
                    Duration.ofNanos(System.nanoTime() - cancelled).toMillis());
            assertThat(parked).allSatisfy(connection -> assertThat(connection.read().body()).contains("\"cancelled\""));
            await().atMost(Duration.ofSeconds(10)).until(() -> ProcessProbe.gauge(management, "pausepoint.longpoll.waiters") == 0);
        } finally {
            closeAll(connections);
            SystemStack.fleet().stopAnother(gateway);
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
            return ready(port, "/readyz");
        });
        return new Instance(process, port, managementPort);
    }

    private static boolean ready(int port, String path) {
        try {
            return PROBE.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }


    /** Long-polls through a gateway on raw connections, left unread so they stay parked (or hold their refusal). */
    private static List<RawHttpConnection> parkAtGateway(int port, String key, String pauseId, int count,
            int waitSeconds) {
        List<RawHttpConnection> connections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            connections.add(RawHttpConnection.openWith(port, "GET /v1/pause/" + pauseId + "?wait=" + waitSeconds
                    + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key + "\r\nX-Forwarded-For: "
                    + Http.randomClient() + "\r\n\r\n"));
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
