package dev.pausepoint.benchmark.curves;

import dev.pausepoint.benchmark.Client;
import dev.pausepoint.benchmark.Developer;
import dev.pausepoint.benchmark.JitSettling;
import dev.pausepoint.benchmark.Load;
import dev.pausepoint.benchmark.SetUp;
import dev.pausepoint.localstack.Service;
import dev.pausepoint.localstack.ServiceFleet;
import dev.pausepoint.testsupport.embedded.FreePorts;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Creates per second with 1, 2 and 4 pause-service instances on one database, as docs/scale-out.md runs
 * them: the extra copies are started beside the stack's own, and for each count a gateway of its own is
 * started with {@code PAUSE_SERVICE_URL} listing that many (the stack's gateway stays as it is). On two
 * cores the rate should stay flat: more copies add no CPU, and nothing may serialise across them.
 */
final class PauseInstances extends CostCurve {

    static final String NAME = "pause-instances";

    PauseInstances(Bench bench) {
        super(NAME, bench);
    }

    @Override
    Curve measure() throws Exception {
        ServiceFleet fleet = stack.fleet();
        List<URI> instances = new ArrayList<>(List.of(fleet.instances(Service.PAUSE).get(0).url()));
        List<Process> started = new ArrayList<>();
        Series rate = Series.of("creates/s, 64 in flight", "/s", "%.0f");
        Series p99 = Series.of("create p99, 64 in flight", "ms", "%.0f");
        List<String> notes = new ArrayList<>();
        try {
            for (long count : sizes.instances()) {
                while (instances.size() < count) {
                    int port = FreePorts.next();
                    progress("starting pause-service instance %d on port %d...".formatted(instances.size() + 1, port));
                    started.add(fleet.startAnother(Service.PAUSE, port, FreePorts.next()));
                    URI url = URI.create("http://localhost:" + port);
                    awaitOk(client, url.resolve("/readyz"));
                    instances.add(url);
                }
                String urls = instances.subList(0, (int) count).stream().map(URI::toString)
                        .collect(Collectors.joining(","));
                int gatewayPort = FreePorts.next();
                Process gateway = fleet.startAnother(Service.GATEWAY, gatewayPort, FreePorts.next(),
                        Map.of("PAUSE_SERVICE_URL", urls));
                try {
                    URI through = URI.create("http://localhost:" + gatewayPort);
                    awaitOk(client, through.resolve("/health"));
                    progress("creates with %d pause-service instances...".formatted(count));
                    // The new gateway and copies start cold: warmed until their compilers settle, as the
                    // main run's warm-up does the stack.
                    Map<String, Long> cold = new LinkedHashMap<>();
                    cold.put("gateway", gateway.pid());
                    for (int copy = 0; copy < count - 1; copy++) {
                        cold.put("pause-service " + (copy + 2), started.get(copy).pid());
                    }
                    JitSettling.Outcome warmUp = JitSettling.of(cold).warm(warmUpLimit,
                            () -> load.closed(16, sizes.load(), i -> create(through, i)));
                    Load.Result result = load.closed(64, sizes.load(), i -> create(through, i));
                    rate = rate.with(count, result.perSecond());
                    p99 = p99.with(count, result.millis(99));
                    notes.add("%d instance(s): answers %s; warm-up %s".formatted(count, result.outcomes(),
                            warmUp.describe()));
                } finally {
                    fleet.stopAnother(gateway);
                }
            }
        } finally {
            started.forEach(fleet::stopAnother);
        }
        notes.add("Each count is measured through a gateway of its own started for it, so the gateway is as cold "
                + "(after its warm-up) for one instance as for four; the stack's own gateway is idle meanwhile.");
        notes.add("On two cores extra copies only share the same CPU, so flat is the best case. On a bigger machine "
                + "the rate should grow with the copies until Postgres, Kafka or the gateway saturates; the shared "
                + "pieces are the outbox relay (one instance at a time, by advisory lock), the timeout sweep (rows "
                + "taken with SKIP LOCKED) and the long-poll notifications (every copy hears every change).");
        return new Curve(NAME, "Creates with several pause-service instances", "pause-service instances", "%.0f",
                "flat on two cores: no throughput lost to contention across instances", List.of(rate, p99),
                List.of(Shape.flat(rate, 1.25, 0)), notes);
    }

    private HttpRequest create(URI gateway, long i) {
        return HttpRequest.newBuilder(gateway.resolve("/v1/pause")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + developer.testKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Developer.smsPause(
                        "+1418" + (2000000 + i % 7000000), i))).build();
    }

    /** Until {@code url} answers 200, at most three minutes (a JVM starting on two busy cores). */
    static void awaitOk(Client client, URI url) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            try {
                status = client.http().send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                status = -1;
            }
            Thread.sleep(500);
        }
        SetUp.require(false, url + " did not answer 200 within 3 minutes (last: " + status + ")");
    }
}
