package dev.pausepoint.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.localstack.Service;
import dev.pausepoint.localstack.ServiceFleet;
import dev.pausepoint.localstack.Workspace;
import dev.pausepoint.systemtests.Http.Reply;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.embedded.FreePorts;
import dev.pausepoint.testsupport.http.RawHttpConnection;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not part of the suite (its name is not a test's, so it runs only when named): starts a
 * stack of its own with the long-poll caps and rate limits out of reach, parks long-polls on one pause
 * in the gateway in steps ({@code -Dprobe.sizes}, default 250,750), and prints the heap after a full
 * collection of the gateway and pause-service at each step and the bytes per waiter between the last
 * two, then cancels the pause and prints how soon the waiters woke. Class histograms of both processes
 * at each step go to {@code target/longpoll-probe/}. {@code -Dprobe.env=NAME=value;...} adds to the
 * services' environment. The figures in docs/api-decisions.md ("Pauses") came from
 * {@code ./mvnw -B -q -DskipTests package && ./mvnw -B -q -pl system-tests -am verify -Dtest=LongPollCostProbe
 * -Dsurefire.failIfNoSpecifiedTests=false}. The waits are parked in the gateway (its gauge
 * {@code pausepoint.longpoll.waiters}); pause-service answers each read at once and should grow by nothing.
 */
class LongPollCostProbe {

    private static final Path OUT = Path.of("target", "longpoll-probe");

    @Test
    void measure() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("probe.sizes", "250,750").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        Map<String, String> environment = new HashMap<>(Map.ofEntries(
                Map.entry("TRUSTED_PROXIES", "127.0.0.1/32,::1/128"),
                Map.entry("PAUSEPOINT_GATEWAY_RATELIMITS_APIKEY", "100000000"),
                Map.entry("PAUSEPOINT_GATEWAY_RATELIMITS_CLIENTIP", "100000000"),
                Map.entry("PAUSEPOINT_GATEWAY_RATELIMITS_UNAUTHENTICATED", "100000000"),
                Map.entry("PAUSEPOINT_GATEWAY_RATELIMITS_AUTHENDPOINTS", "100000000"),
                Map.entry("LONG_POLL_MAX_PER_DEVELOPER", "30000"),
                Map.entry("LONG_POLL_MAX_PER_INSTANCE", "30000"),
                Map.entry("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,prometheus,metrics")));
        String extra = System.getProperty("probe.env", "");
        for (String pair : extra.split(";")) {
            if (!pair.isBlank()) {
                environment.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        Files.createDirectories(OUT);
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        Map<Service, Integer> managementPorts = new EnumMap<>(Service.class);
        for (Service service : Service.api()) {
            ports.put(service, FreePorts.next());
            managementPorts.put(service, FreePorts.next());
        }
        try (ServiceFleet fleet = ServiceFleet.start(new ServiceFleet.Config(Workspace.locate(),
                Path.of("target", "probe-logs"), TestInfrastructure.postgres(), TestInfrastructure.kafka(),
                TestInfrastructure.redis(), ports, managementPorts, TestSecrets.INTERNAL_SECRET,
                ServiceFleet.DEFAULT_JVM_OPTIONS, environment))) {
            fleet.awaitHealthy(Duration.ofSeconds(240), status -> System.out.println("waiting: " + status));
            URI gateway = fleet.gatewayUrl();
            long gatewayPid = fleet.pids().get(Service.GATEWAY);
            long pausePid = fleet.pids().get(Service.PAUSE);
            int gatewayManagement = managementPorts.get(Service.GATEWAY);

            Reply registered = Http.send(gateway, "POST", "/v1/auth/register", BodyPublishers.ofString(
                    "{\"email\":\"p-" + UUID.randomUUID() + "@example.com\",\"name\":\"P\",\"password\":\"a long enough password\"}"),
                    "Content-Type", "application/json");
            String key = registered.json().get("test_api_key").asString();
            String id = create(gateway, key);

            // Warm-up: Tomcat's processor cache and the gateway's pools filled, code paths compiled.
            List<RawHttpConnection> warm = park(ports.get(Service.GATEWAY), key, id, 300, 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> warm.stream().allMatch(RawHttpConnection::answered));
            warm.forEach(RawHttpConnection::close);
            await().atMost(Duration.ofSeconds(30)).until(() -> ProcessProbe.gauge(gatewayManagement, "pausepoint.longpoll.waiters") == 0);
            // Past pause-service's keep-alive timeout (5 s), so the warm-up's idle connections are closed and
            // gone from the gateway's pool rather than reused just as the service closes them.
            Thread.sleep(7000);

            long[] gatewayHeap = new long[sizes.length + 1];
            long[] pauseHeap = new long[sizes.length + 1];
            gatewayHeap[0] = ProcessProbe.heapUsedAfterGc(gatewayPid);
            pauseHeap[0] = ProcessProbe.heapUsedAfterGc(pausePid);
            histogram(gatewayPid, "gateway-0");
            histogram(pausePid, "pause-0");
            long rssGateway0 = rssKb(gatewayPid);
            long rssPause0 = rssKb(pausePid);
            System.out.printf("PROBE baseline: gateway heap %d KB rss %d KB; pause heap %d KB rss %d KB%n",
                    gatewayHeap[0] / 1024, rssGateway0, pauseHeap[0] / 1024, rssPause0);

            List<RawHttpConnection> parked = new ArrayList<>();
            int previous = 0;
            for (int i = 0; i < sizes.length; i++) {
                parked.addAll(park(ports.get(Service.GATEWAY), key, id, sizes[i] - previous, 30));
                int target = sizes[i];
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> ProcessProbe.gauge(gatewayManagement, "pausepoint.longpoll.waiters") >= target);
                gatewayHeap[i + 1] = ProcessProbe.heapUsedAfterGc(gatewayPid);
                pauseHeap[i + 1] = ProcessProbe.heapUsedAfterGc(pausePid);
                histogram(gatewayPid, "gateway-" + target);
                histogram(pausePid, "pause-" + target);
                System.out.printf("PROBE %d parked (gateway gauge %.0f): gateway heap %d KB "
                                + "rss %d KB; pause heap %d KB rss %d KB%n", target,
                        ProcessProbe.gauge(gatewayManagement, "pausepoint.longpoll.waiters"), gatewayHeap[i + 1] / 1024,
                        rssKb(gatewayPid), pauseHeap[i + 1] / 1024, rssKb(pausePid));
                previous = target;
            }
            long answered = parked.stream().filter(RawHttpConnection::answered).count();
            System.out.println("PROBE answered before the change (should be 0): " + answered);
            int n = sizes[sizes.length - 1];
            int m = sizes.length > 1 ? sizes[sizes.length - 2] : 0;
            int mi = sizes.length > 1 ? sizes.length - 1 : 0;
            System.out.printf("PROBE per waiter between %d and %d: gateway %d B, pause-service %d B%n", m, n,
                    (gatewayHeap[sizes.length] - gatewayHeap[mi]) / (n - m),
                    (pauseHeap[sizes.length] - pauseHeap[mi]) / (n - m));
            System.out.printf("PROBE per waiter between 0 and %d: gateway %d B, pause-service %d B%n", n,
                    (gatewayHeap[sizes.length] - gatewayHeap[0]) / n, (pauseHeap[sizes.length] - pauseHeap[0]) / n);

            Reply cancelled = Http.send(gateway, "DELETE", "/v1/pause/" + id, BodyPublishers.noBody(),
                    "Authorization", "Bearer " + key);
            long changed = System.nanoTime();
            assertThat(cancelled.status()).isEqualTo(200);
            long[] woke = new long[parked.size()];
            int left = parked.size();
            long deadline = changed + TimeUnit.SECONDS.toNanos(40);
            while (left > 0 && System.nanoTime() < deadline) {
                for (int i = 0; i < parked.size(); i++) {
                    if (woke[i] == 0 && parked.get(i).answered()) {
                        woke[i] = System.nanoTime() - changed;
                        left--;
                    }
                }
            }
            long[] sorted = Arrays.stream(woke).filter(w -> w > 0).sorted().toArray();
            int ok = 0;
            for (RawHttpConnection connection : parked) {
                if (connection.answered() && connection.read().body().contains("\"cancelled\"")) {
                    ok++;
                }
            }
            System.out.printf("PROBE wake: %d of %d woke, %d say cancelled; p50 %d ms p99 %d ms max %d ms%n",
                    sorted.length, parked.size(), ok, sorted[sorted.length / 2] / 1_000_000,
                    sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1_000_000,
                    sorted[sorted.length - 1] / 1_000_000);
            parked.forEach(RawHttpConnection::close);
        }
    }

    private static String create(URI gateway, String key) {
        Reply created = Http.send(gateway, "POST", "/v1/pause", BodyPublishers.ofString("""
                {"recipient": "+14155550123", "channel": "sms", "message": "Ship it?", "options": ["Yes", "No"]}"""),
                "Content-Type", "application/json", "Authorization", "Bearer " + key);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("pause_id").asString();
    }

    private static List<RawHttpConnection> park(int port, String key, String id, int count, int wait) {
        List<RawHttpConnection> connections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            connections.add(RawHttpConnection.openWith(port, "GET /v1/pause/" + id + "?wait=" + wait
                    + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key + "\r\nX-Forwarded-For: "
                    + Http.randomClient() + "\r\n\r\n"));
        }
        return connections;
    }


    private static void histogram(long pid, String name) throws Exception {
        Files.writeString(OUT.resolve(name + ".txt"), ProcessProbe.jcmd(pid, "GC.class_histogram"));
    }

    private static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
