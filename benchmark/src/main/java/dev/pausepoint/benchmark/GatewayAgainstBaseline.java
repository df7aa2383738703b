package dev.pausepoint.benchmark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import dev.pausepoint.localstack.Service;
import dev.pausepoint.localstack.ServiceFleet;
import dev.pausepoint.localstack.Workspace;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.embedded.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Our gateway against a bare Spring Cloud Gateway with its stock RedisRateLimiter (module
 * {@code benchmark-baseline-gateway}), both on the same Redis, routing {@code GET /v1/pause/{id}} to the
 * same WireMock stub, so only the gateways differ: ours adds the API-key check (from its cache), the
 * layered windows and the signed identity. Ours is a second instance aimed at the stub, not the fleet's.
 */
final class GatewayAgainstBaseline extends Phase {

    GatewayAgainstBaseline(Harness harness) {
        super("gateway against baseline", harness);
    }

    @Override
    void run() throws IOException, InterruptedException {
        System.out.println("gateway against a bare Spring Cloud Gateway...");
        stack.outside().stubFor(get(urlPathMatching("/v1/pause/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"psr_baseline\", \"status\": \"pending\"}")));
        String stub = "http://localhost:" + stack.outside().port();
        int oursPort = FreePorts.next();
        Process oursProcess = stack.fleet().startAnother(Service.GATEWAY, oursPort, FreePorts.next(),
                Map.of("PAUSE_SERVICE_URL", stub));
        int barePort = FreePorts.next();
        Process bare = startBaselineGateway(barePort, stub);
        try {
            URI ours = URI.create("http://localhost:" + oursPort + "/v1/pause/psr_baseline");
            URI baseline = URI.create("http://localhost:" + barePort + "/v1/pause/psr_baseline");
            // Both answers carry X-RateLimit-Remaining: the limiters run (with limits out of reach).
            for (URI target : List.of(ours, baseline)) {
                SetUp.require(awaitOk(target).headers().firstValue("X-RateLimit-Remaining").isPresent(),
                        target + " answered without X-RateLimit-Remaining: its rate limiter did not run");
            }
            ProcessCpu cpu = ProcessCpu.ofThisMachine();
            Reading oursReading = readThroughput("ours", ours, cpu, oursProcess.pid());
            Reading bareReading = readThroughput("bare", baseline, cpu, bare.pid());
            Load.Result oursResult = oursReading.result();
            Load.Result bareResult = bareReading.result();
            double ratio = oursResult.perSecond() / bareResult.perSecond();
            report.figure("gateway requests/s ÷ bare Spring Cloud Gateway with RedisRateLimiter", "%.2f", ratio,
                    "≥ 1.0", ratio >= 1.0);
            report.note("  ours %.0f /s (p50 %.1f ms), bare %.0f /s (p50 %.1f ms), 64 in flight to one stub; answers %s / %s"
                    .formatted(oursResult.perSecond(), oursResult.millis(50), bareResult.perSecond(),
                            bareResult.millis(50), oursResult.outcomes(), bareResult.outcomes()));
            report.note("  CPU per request: ours %.3f ms, bare %.3f ms".formatted(oursReading.cpuPerRead(),
                    bareReading.cpuPerRead()));
            report.note("  warm-up of each: " + oursReading.warmUp().describe() + "; " + bareReading.warmUp().describe());
        } finally {
            bare.destroy();
        }
    }

    private static Process startBaselineGateway(int port, String target) throws IOException {
        Path root = Workspace.locate().root();
        return ServiceFleet.launchJar(root.resolve("benchmark-baseline-gateway/target/benchmark-baseline-gateway.jar"),
                // The same heap as ours: both are gateways allocating alike per request.
                ServiceFleet.jvmOptionsOf(Service.GATEWAY, Stack.SERVICE_JVM_OPTIONS),
                Map.of("PORT", String.valueOf(port), "TARGET_URL", target,
                        "REDIS_HOST", TestInfrastructure.redis().host(),
                        "REDIS_PORT", String.valueOf(TestInfrastructure.redis().port())),
                root, Stack.logDirectory().resolve("benchmark-baseline-gateway.log"));
    }

    /** What one gateway did: its reads, the CPU it spent per read, and how its warm-up went. */
    private record Reading(Load.Result result, double cpuPerRead, JitSettling.Outcome warmUp) {
    }

    /**
     * A warm-up of its own until its JIT compilers settle (both gateways are new JVMs), then 64 reads in
     * flight, with the CPU per read of {@code pid}.
     */
    private Reading readThroughput(String name, URI target, ProcessCpu cpu, long pid) {
        JitSettling.Outcome warmUp = JitSettling.of(Map.of(name, pid)).warm(options.warmUpLimit(),
                () -> load.closed(16, options.phase(10), n -> readRequest(target)));
        double before = cpu.millis(pid);
        Load.Result result = load.closed(64, options.phase(20), n -> readRequest(target));
        return new Reading(result, (cpu.millis(pid) - before) / Math.max(1, result.ok()), warmUp);
    }

    private HttpRequest readRequest(URI target) {
        return HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + developer.testKey).GET().build();
    }

    private HttpResponse<Void> awaitOk(URI target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = client.http().send(readRequest(target),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return response;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(target + " did not answer 200 within 2 minutes");
    }
}
