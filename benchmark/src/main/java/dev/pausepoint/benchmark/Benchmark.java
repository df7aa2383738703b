package dev.pausepoint.benchmark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.localstack.Service;
import dev.pausepoint.localstack.ServiceFleet;
import dev.pausepoint.localstack.Workspace;
import dev.pausepoint.testsupport.PostgresAccess;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.embedded.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The performance budget (README, Benchmark), measured: starts the whole stack as the local run does (real Postgres, Kafka
 * and Redis, the five service jars as processes), drives it through the gateway from this process, and
 * prints each figure next to its target. {@code --quick} shortens every phase for a smoke run; the
 * figures that count come from a full run. {@code --only=create-throughput,gateway-overhead} runs the
 * warm-up and the named phases alone (names as printed, spaces as dashes), which is how one phase is
 * profiled. Nothing here asserts a timing.
 */
public final class Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "benchmark-internal-secret-0123456789abcdef";
    private static final String TWILIO_SID = "AC00000000000000000000000000000bench";
    private static final String RECEIVER_HOST = "127.0.0.2";
    private static final String SMS = """
            {"recipient": "%s", "channel": "sms", "message": "Deploy build %d to production?",
             "options": ["Approve", "Reject"], "timeout_default": "Reject"}""";

    private final boolean quick;
    private final Set<String> only;
    private final Report report = new Report();
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(clientThreads).connectTimeout(Duration.ofSeconds(5)).build();
    private final Load load = new Load(http, clientThreads);
    private URI gateway;
    private Map<Service, Integer> ports;
    private PostgresAccess postgres;

    private Benchmark(boolean quick, Set<String> only) {
        this.quick = quick;
        this.only = only;
    }

    public static void main(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        Set<String> only = Stream.of(args).filter(arg -> arg.startsWith("--only="))
                .flatMap(arg -> Stream.of(arg.substring("--only=".length()).split(",")))
                .map(String::strip).filter(name -> !name.isEmpty()).collect(Collectors.toSet());
        int status = 0;
        try {
            new Benchmark(quick, only).run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        } finally {
            // The embedded Kafka broker's threads would keep the JVM alive.
            System.exit(status);
        }
    }

    private Duration phase(int seconds) {
        return Duration.ofSeconds(quick ? Math.max(3, seconds / 6) : seconds);
    }

    private void run() throws Exception {
        postgres = TestInfrastructure.postgres();
        WireMockServer outside = new WireMockServer(options().dynamicPort().containerThreads(64)
                .disableRequestJournal());
        outside.start();
        outside.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"sid": "SM00000000000000000000000000000001", "account_sid": "%s", "status": "queued"}"""
                        .formatted(TWILIO_SID))));
        outside.stubFor(post(urlPathMatching("/hooks/.*")).willReturn(aResponse().withStatus(200)));
        Arrivals sms = new Arrivals(outside, request -> request.getUrl().endsWith("/Messages.json")
                ? Optional.ofNullable(formParam(request.getBodyAsString(), "To")) : Optional.empty());
        Arrivals responded = webhookArrivals(outside, "pause.responded");
        Arrivals timedOut = webhookArrivals(outside, "pause.timed_out");

        ServiceFleet fleet = startStack(outside.port());
        try {
            Developer developer = Developer.enterprise(this);
            String hook = "http://" + RECEIVER_HOST + ":" + outside.port() + "/hooks/" + UUID.randomUUID();
            Reply registered = developer.call("POST", "/v1/webhooks", "{\"url\": \"" + hook
                    + "\", \"secret\": \"benchmark-webhook-secret\"}", developer.testKey);
            require(registered.status == 201, "webhook registration: " + registered.body);

            phase("warm-up", () -> warmUp(developer));
            phase("create throughput", () -> createThroughput(developer));
            phase("settling", () -> settle("after the throughput phase"));
            phase("create latency", () -> createLatency(developer));
            phase("settling", () -> settle("after the latency phase"));
            phase("gateway overhead", () -> gatewayOverhead(developer));
            phase("settling", () -> settle("after the overhead phase"));
            phase("gateway against baseline", () -> gatewayAgainstBaseline(developer, fleet, outside));
            phase("create to provider", () -> createToProvider(developer, sms));
            phase("settling", () -> settle("after the provider phase"));
            phase("response to webhook", () -> responseToWebhook(developer, responded));
            phase("settling", () -> settle("after the webhook phase"));
            phase("timeout lateness", () -> timeoutLateness(developer, timedOut));
            phase("JDBC baseline", this::jdbcBaseline);
        } finally {
            fleet.close();
            outside.stop();
        }
        report.print(quick);
    }

    private interface Phase {
        void run() throws Exception;
    }

    /** Runs one measurement; one that breaks is reported as such and the others still run. */
    private void phase(String name, Phase phase) {
        boolean always = name.equals("warm-up") || name.equals("settling");
        if (!only.isEmpty() && !always && !only.contains(name.replace(' ', '-'))) {
            return;
        }
        try {
            phase.run();
        } catch (Exception | AssertionError e) {
            report.note("  " + name + " could not be measured: " + e);
        }
    }

    private ServiceFleet startStack(int outsidePort) {
        ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, FreePorts.next());
        }
        Map<String, String> environment = Map.ofEntries(
                Map.entry("TRUSTED_PROXIES", "127.0.0.1/32,::1/128"),
                Map.entry("DELIVERY_INSECURE_HOSTS", RECEIVER_HOST),
                Map.entry("TWILIO_ACCOUNT_SID", TWILIO_SID),
                Map.entry("TWILIO_AUTH_TOKEN", "benchmark-twilio-token"),
                Map.entry("TWILIO_FROM_NUMBER", "+15005550006"),
                Map.entry("TWILIO_BASE_URL", "http://localhost:" + outsidePort),
                // The limiter runs on every request as in production; its limits are set out of reach so
                // the benchmark measures the system, not the 429s.
                Map.entry("PAUSEPOINT_GATEWAY_RATELIMITS_APIKEY", "100000000"),
                Map.entry("PAUSEPOINT_GATEWAY_RATELIMITS_CLIENTIP", "100000000"),
                Map.entry("PAUSEPOINT_GATEWAY_RATELIMITS_UNAUTHENTICATED", "100000000"),
                Map.entry("PAUSEPOINT_GATEWAY_RATELIMITS_AUTHENDPOINTS", "100000000"));
        long start = System.nanoTime();
        ServiceFleet fleet = ServiceFleet.start(new ServiceFleet.Config(Workspace.locate(),
                Workspace.locate().root().resolve("benchmark/target/stack-logs"), postgres, TestInfrastructure.kafka(),
                TestInfrastructure.redis(), ports, FreePorts.next(), SECRET, ServiceFleet.configuredJvmOptions(),
                environment));
        fleet.awaitHealthy(Duration.ofSeconds(300), status -> System.out.println("waiting for the stack: " + status));
        double seconds = (System.nanoTime() - start) / 1e9;
        long services = fleet.pids().values().stream().mapToLong(Benchmark::rssKb).sum();
        // Everything running: the services, Postgres and Redis processes, and this JVM, which holds the
        // Kafka broker and the load generator. Postgres backends share memory, so this over-counts.
        long all = services + rssKb(ProcessHandle.current().pid()) + ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")
                        || command.endsWith("/redis-server")).orElse(false))
                .mapToLong(process -> rssKb(process.pid())).sum();
        report.figure("services from start to /health ok (Kafka, Postgres, Redis already up)", "%.0f s", seconds,
                "≤ 60 s for the whole stack from cold", seconds <= 60);
        report.figure("memory of every process at start (RSS, load generator included)", "%.0f MiB", all / 1024.0,
                "≤ 2.5 GiB", all / 1024.0 <= 2560);
        report.note("  the five services: %.0f MiB".formatted(services / 1024.0));
        gateway = fleet.gatewayUrl();
        return fleet;
    }

    /**
     * Waits until every pause created so far has its delivery recorded (the fan-out through Kafka,
     * delivery-service and back has caught up), so one phase's backlog does not count against the next;
     * how long that takes is reported, as the pipeline's lag behind the API.
     */
    private void settle(String when) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long queued;
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(Service.PAUSE.database()),
                postgres.username(), postgres.password());
                PreparedStatement count = db.prepareStatement("SELECT count(*) FROM pause WHERE delivery_status = 'queued'")) {
            do {
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    queued = row.getLong(1);
                }
                if (queued > 0) {
                    Thread.sleep(250);
                }
            } while (queued > 0 && System.nanoTime() - start < Duration.ofMinutes(10).toNanos());
        }
        report.note("  the notification pipeline caught up %.1f s %s%s".formatted((System.nanoTime() - start) / 1e9,
                when, queued > 0 ? " (gave up with " + queued + " still queued)" : ""));
    }

    /**
     * Runs every path a later phase measures, so no figure counts class loading or first compilation: test
     * creates, live creates (the quota call to billing-service, the SMS through the Twilio SDK) and
     * answers (response-service, then the webhook).
     */
    private void warmUp(Developer developer) {
        System.out.println("warming up...");
        load.closed(16, phase(20), i -> developer.createRequest(developer.testKey, "+1415" + (2000000 + i % 7000000), i));
        load.open(20, phase(10), i -> developer.createRequest(developer.liveKey, "+1421" + (2000000 + i), i), null);
        List<String[]> pauses = developer.createMany(20 * (int) phase(10).toSeconds());
        load.open(20, phase(10), i -> answerRequest(pauses.get((int) (i % pauses.size()))[1]), null);
    }

    private HttpRequest answerRequest(String token) {
        return HttpRequest.newBuilder(gateway.resolve("/v1/respond/" + token)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"choice\": \"Approve\"}")).build();
    }

    private void createThroughput(Developer developer) {
        System.out.println("create throughput (closed model)...");
        Load.Result result = load.closed(64, phase(60), i -> developer.createRequest(developer.testKey,
                "+1415" + (2000000 + i % 7000000), i));
        report.figure("pauses created per second, 64 in flight, " + result.elapsed().toSeconds() + " s", "%.0f /s",
                result.perSecond(), "≥ 1,000 /s, no errors", result.perSecond() >= 1000 && result.failed() == 0);
        report.note("  answers: " + result.outcomes() + "; p50 %.1f ms, p99 %.1f ms".formatted(result.millis(50),
                result.millis(99)));
        createdPerSecond = result.perSecond();
    }

    private double createdPerSecond;

    private void createLatency(Developer developer) {
        System.out.println("create latency at 200/s (open model)...");
        Load.Result result = load.open(200, phase(30), i -> developer.createRequest(developer.testKey,
                "+1416" + (2000000 + i), i), null);
        report.figure("create latency p99 at a steady 200 /s", "%.1f ms", result.millis(99), "≤ 25 ms",
                result.millis(99) <= 25);
        report.note("  p50 %.1f ms, p99.9 %.1f ms, max %.1f ms; answers %s".formatted(result.millis(50),
                result.millis(99.9), result.micros().getMaxValue() / 1000.0, result.outcomes()));
    }

    /**
     * Our gateway against a bare Spring Cloud Gateway with its stock RedisRateLimiter, both on the same
     * Redis, routing {@code GET /v1/pause/{id}} to the same WireMock stub, so only the gateways differ:
     * ours adds the API-key check (from its cache), the layered windows and the signed identity.
     */
    private void gatewayAgainstBaseline(Developer developer, ServiceFleet fleet, WireMockServer outside)
            throws IOException, InterruptedException {
        System.out.println("gateway against a bare Spring Cloud Gateway...");
        outside.stubFor(get(urlPathMatching("/v1/pause/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"psr_baseline\", \"status\": \"pending\"}")));
        String stub = "http://localhost:" + outside.port();
        int oursPort = FreePorts.next();
        fleet.startAnother(Service.GATEWAY, oursPort, FreePorts.next(), Map.of("PAUSE_SERVICE_URL", stub));
        int barePort = FreePorts.next();
        Process bare = startBaselineGateway(barePort, stub);
        try {
            URI ours = URI.create("http://localhost:" + oursPort + "/v1/pause/psr_baseline");
            URI baseline = URI.create("http://localhost:" + barePort + "/v1/pause/psr_baseline");
            // Both answers carry X-RateLimit-Remaining: the limiters run (with limits out of reach).
            for (URI target : List.of(ours, baseline)) {
                require(awaitOk(target, developer.testKey).headers().firstValue("X-RateLimit-Remaining").isPresent(),
                        target + " answered without X-RateLimit-Remaining: its rate limiter did not run");
            }
            Load.Result oursResult = readThroughput(ours, developer.testKey);
            Load.Result bareResult = readThroughput(baseline, developer.testKey);
            double ratio = oursResult.perSecond() / bareResult.perSecond();
            report.figure("gateway requests/s ÷ bare Spring Cloud Gateway with RedisRateLimiter", "%.2f", ratio,
                    "≥ 1.0", ratio >= 1.0);
            report.note("  ours %.0f /s (p50 %.1f ms), bare %.0f /s (p50 %.1f ms), 64 in flight to one stub; answers %s / %s"
                    .formatted(oursResult.perSecond(), oursResult.millis(50), bareResult.perSecond(),
                            bareResult.millis(50), oursResult.outcomes(), bareResult.outcomes()));
        } finally {
            bare.destroy();
        }
    }

    private Process startBaselineGateway(int port, String target) throws IOException {
        Path root = Workspace.locate().root();
        return ServiceFleet.launchJar(root.resolve("benchmark-baseline-gateway/target/benchmark-baseline-gateway.jar"),
                ServiceFleet.configuredJvmOptions(), Map.of("PORT", String.valueOf(port), "TARGET_URL", target,
                        "REDIS_HOST", TestInfrastructure.redis().host(),
                        "REDIS_PORT", String.valueOf(TestInfrastructure.redis().port())),
                root, root.resolve("benchmark/target/stack-logs/benchmark-baseline-gateway.log"));
    }

    /** A short warm-up of its own, then 64 reads in flight. */
    private Load.Result readThroughput(URI target, String key) {
        load.closed(16, phase(10), n -> readRequest(target, key));
        return load.closed(64, phase(20), n -> readRequest(target, key));
    }

    private static HttpRequest readRequest(URI target, String key) {
        return HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key)
                .GET().build();
    }

    private HttpResponse<Void> awaitOk(URI target, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> response = http.send(readRequest(target, key), HttpResponse.BodyHandlers.discarding());
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

    private void gatewayOverhead(Developer developer) {
        System.out.println("gateway overhead...");
        RequestSigner signer = new RequestSigner(SECRET);
        CallerIdentity caller = new CallerIdentity(developer.developerId, KeyMode.TEST, "enterprise",
                CredentialKind.API_KEY, "127.0.0.1");
        URI direct = URI.create("http://localhost:" + ports.get(Service.PAUSE) + "/v1/pause");
        Load.Result viaGateway = load.open(50, phase(20), i -> developer.createRequest(developer.testKey,
                "+1417" + (2000000 + i), i), null);
        Load.Result straight = load.open(50, phase(20), i -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(direct).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(SMS.formatted("+1418" + (2000000 + i), i)));
            signer.signIdentity(caller, "POST", "/v1/pause").forEach(request::header);
            return request.build();
        }, null);
        double ratio = viaGateway.millis(50) / straight.millis(50);
        report.figure("gateway overhead: create p50 through the gateway ÷ straight to pause-service", "%.2f", ratio,
                "≤ 1.2", ratio <= 1.2);
        report.note("  p50 %.2f ms via the gateway, %.2f ms straight (50 /s each)".formatted(viaGateway.millis(50),
                straight.millis(50)));
    }

    private void createToProvider(Developer developer, Arrivals sms) {
        System.out.println("create to provider request at 100/s (live SMS through the Twilio SDK)...");
        List<String> recipients = new ArrayList<>();
        Load.Result created = load.open(100, phase(20), i -> {
            String to = "+1419" + (2000000 + i);
            synchronized (recipients) {
                recipients.add(to);
            }
            sms.started(to, System.nanoTime());
            return developer.createRequest(developer.liveKey, to, i);
        }, null);
        awaitArrivals(sms, recipients, created.ok());
        var latencies = sms.latencies();
        double p99 = latencies.getValueAtPercentile(99) / 1000.0;
        report.figure("create → provider request sent, p99 at 100 /s", "%.0f ms", p99, "≤ 200 ms", p99 <= 200);
        report.note("  p50 %.0f ms, max %.0f ms; %d of %d sent".formatted(latencies.getValueAtPercentile(50) / 1000.0,
                latencies.getMaxValue() / 1000.0, latencies.getTotalCount(), created.ok()));
        report.note("  of which the create call itself (live: quota reserved in billing-service): p50 %.1f ms, p99 %.1f ms"
                .formatted(created.millis(50), created.millis(99)));
    }

    private void responseToWebhook(Developer developer, Arrivals webhooks) {
        System.out.println("human response to webhook at 100/s...");
        int count = 100 * (int) phase(20).toSeconds();
        List<String[]> pauses = developer.createMany(count);
        List<String> ids = pauses.stream().map(pause -> pause[0]).toList();
        Load.Result answered = load.open(100, phase(20), i -> {
            String[] pause = pauses.get((int) (i % pauses.size()));
            webhooks.started(pause[0], System.nanoTime());
            return answerRequest(pause[1]);
        }, null);
        awaitArrivals(webhooks, ids, answered.ok());
        var latencies = webhooks.latencies();
        double p99 = latencies.getValueAtPercentile(99) / 1000.0;
        report.figure("human response → webhook received, p99 at 100 /s", "%.0f ms", p99, "≤ 200 ms", p99 <= 200);
        report.note("  p50 %.0f ms, max %.0f ms; %d webhooks for %d answers %s".formatted(
                latencies.getValueAtPercentile(50) / 1000.0, latencies.getMaxValue() / 1000.0,
                latencies.getTotalCount(), answered.ok(), answered.outcomes()));
        report.note("  of which the answer call itself: p50 %.1f ms, p99 %.1f ms".formatted(answered.millis(50),
                answered.millis(99)));
    }

    /**
     * Pauses can time out no sooner than an hour after creation, so the benchmark moves the expiry of
     * fresh pauses to a few seconds ahead in pause-service's database, then takes the time from each
     * expiry to its {@code pause.timed_out} webhook (an upper bound on the sweeper's lateness).
     */
    private void timeoutLateness(Developer developer, Arrivals webhooks) throws SQLException {
        System.out.println("timeout lateness...");
        List<String> ids = developer.createMany(300).stream().map(pause -> pause[0]).toList();
        Map<String, Instant> expiries = new ConcurrentHashMap<>();
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(Service.PAUSE.database()),
                postgres.username(), postgres.password());
                PreparedStatement expire = db.prepareStatement("UPDATE pause SET expires_at = now() + interval '3 seconds' "
                        + "WHERE id = ANY (?) RETURNING id, expires_at")) {
            expire.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = expire.executeQuery()) {
                while (rows.next()) {
                    expiries.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
        long nowNanos = System.nanoTime();
        Instant now = Instant.now();
        expiries.forEach((id, expiry) -> webhooks.started(id, nowNanos + Duration.between(now, expiry).toNanos()));
        awaitArrivals(webhooks, ids, ids.size());
        var lateness = webhooks.latencies();
        double p99 = lateness.getValueAtPercentile(99) / 1e6;
        report.figure("timeout lateness after expires_at (to the webhook), p99 of 300", "%.2f s", p99, "≤ 2 s", p99 <= 2);
        report.note("  p50 %.2f s, max %.2f s".formatted(lateness.getValueAtPercentile(50) / 1e6,
                lateness.getMaxValue() / 1e6));
    }

    /**
     * The create transaction done straight over JDBC (a pause row and an outbox row, each in tables shaped
     * exactly like pause-service's) at the same concurrency as the throughput phase.
     */
    private void jdbcBaseline() throws Exception {
        System.out.println("JDBC baseline...");
        String url = postgres.jdbcUrl(Service.PAUSE.database());
        try (Connection setup = DriverManager.getConnection(url, postgres.username(), postgres.password())) {
            setup.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_pause (LIKE pause INCLUDING ALL)");
            setup.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_outbox (LIKE outbox_event INCLUDING ALL)");
        }
        int concurrency = 8;
        Duration duration = phase(20);
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong done = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Thread worker = new Thread(() -> {
                try (Connection db = DriverManager.getConnection(url, postgres.username(), postgres.password())) {
                    db.setAutoCommit(false);
                    PreparedStatement pause = db.prepareStatement("""
                            INSERT INTO bench_pause (id, developer_id, livemode, status, channel, recipient, message,
                                options, allow_text_response, timeout_default, metadata, created_at, expires_at)
                            VALUES (?, 'dev_bench', false, 'pending', 'sms', '+14155550123', 'Deploy?',
                                '["Approve","Reject"]'::jsonb, false, 'Reject', NULL, now(), now() + interval '1 day')""");
                    PreparedStatement outbox = db.prepareStatement("INSERT INTO bench_outbox (event_id, topic, record_key, "
                            + "payload) VALUES (?, 'pause.events.v1', ?, ?)");
                    while (System.nanoTime() < deadline) {
                        String id = "psr_" + UUID.randomUUID();
                        pause.setString(1, id);
                        pause.executeUpdate();
                        outbox.setString(1, "evt_" + UUID.randomUUID());
                        outbox.setString(2, id);
                        outbox.setString(3, SMS.formatted("+14155550123", 1));
                        outbox.executeUpdate();
                        db.commit();
                        done.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double perSecond = done.get() / (duration.toNanos() / 1e9);
        double ratio = createdPerSecond / perSecond;
        report.figure("create rate ÷ the same insert + outbox transaction over JDBC (8 connections)", "%.2f", ratio,
                "≥ 0.3", ratio >= 0.3);
        report.note("  JDBC alone: %.0f transactions/s".formatted(perSecond));
    }

    /** Webhook posts of {@code event}, by pause id. */
    private static Arrivals webhookArrivals(WireMockServer outside, String event) {
        return new Arrivals(outside, request -> {
            if (!request.getUrl().startsWith("/hooks/")) {
                return Optional.empty();
            }
            JsonNode body = JSON.readTree(request.getBodyAsString());
            return event.equals(body.path("event").asString()) ? Optional.of(body.path("pause_id").asString())
                    : Optional.empty();
        });
    }

    private static void awaitArrivals(Arrivals arrivals, List<String> keys, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (arrivals.arrivedOf(keys) < expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String formParam(String body, String name) {
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark set-up failed: " + what);
        }
    }

    record Reply(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** The benchmark's developer: registered through the gateway, then put on the unlimited plan. */
    static final class Developer {
        final Benchmark benchmark;
        final String developerId;
        final String liveKey;
        final String testKey;

        private Developer(Benchmark benchmark, String developerId, String liveKey, String testKey) {
            this.benchmark = benchmark;
            this.developerId = developerId;
            this.liveKey = liveKey;
            this.testKey = testKey;
        }

        /**
         * Live creates count against a quota; the benchmark makes thousands, so its developer is moved to
         * enterprise in billing's database before its keys are first used (the gateway caches the plan).
         */
        static Developer enterprise(Benchmark benchmark) throws SQLException {
            Reply registered = benchmark.send(HttpRequest.newBuilder(benchmark.gateway.resolve("/v1/auth/register"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"bench-" + UUID.randomUUID()
                            + "@example.com\", \"name\": \"Bench\", \"password\": \"benchmark password\"}")).build());
            require(registered.status == 201, "register: " + registered.body);
            String id = registered.json().get("developer_id").asString();
            try (Connection db = DriverManager.getConnection(benchmark.postgres.jdbcUrl(Service.BILLING.database()),
                    benchmark.postgres.username(), benchmark.postgres.password());
                    PreparedStatement upgrade = db.prepareStatement("UPDATE developer SET plan = 'enterprise' WHERE id = ?")) {
                upgrade.setString(1, id);
                upgrade.executeUpdate();
            }
            return new Developer(benchmark, id, registered.json().get("api_key").asString(),
                    registered.json().get("test_api_key").asString());
        }

        HttpRequest createRequest(String key, String recipient, long i) {
            return HttpRequest.newBuilder(benchmark.gateway.resolve("/v1/pause")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(SMS.formatted(recipient, i))).build();
        }

        Reply call(String method, String path, String json, String key) {
            return benchmark.send(HttpRequest.newBuilder(benchmark.gateway.resolve(path))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json)).build());
        }

        /** About {@code count} new test pauses (created at 200 /s), as {pause id, response token}. */
        List<String[]> createMany(int count) {
            List<String[]> pauses = Collections.synchronizedList(new ArrayList<>());
            long offset = System.nanoTime() % 1_000_000;
            // A few more than needed: under overload some creates time out, and the phase needs its count.
            benchmark.load.open(200, Duration.ofSeconds(Math.max(1, (count * 11 / 10 + 199) / 200)),
                    i -> createRequest(testKey, "+1420" + (2000000 + offset + i), i), (i, answer) -> {
                        if (answer.statusCode() == 201) {
                            JsonNode created = JSON.readTree(answer.body());
                            String url = created.get("respond_url").asString();
                            pauses.add(new String[] {created.get("pause_id").asString(),
                                    url.substring(url.lastIndexOf('/') + 1)});
                        }
                    });
            require(pauses.size() >= count, "only " + pauses.size() + " of " + count + " pauses were created");
            return new ArrayList<>(pauses.subList(0, count));
        }
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        }
    }
}
