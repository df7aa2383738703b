package dev.pausepoint.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's HTTP behaviour against a local HTTP server: retries, encoding, headers, long-poll, cancel. */
class TransportTest {

    private static final WireMockServer SERVER = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private static final String ERROR_429 = "{\"error\":\"RATE_LIMITED\",\"message\":\"slow down\",\"status_code\":429}";

    private PausePointClient client;

    @BeforeAll
    static void start() {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @BeforeEach
    void reset() {
        SERVER.resetAll();
        client = PausePointClient.builder().baseUrl(URI.create(SERVER.baseUrl())).apiKey("pp_test_abc")
                .defaultHeader("X-Forwarded-For", "198.18.0.7").build();
    }

    private static String pause(String status) {
        return ModelJsonTest.PAUSE.replace("\"responded\"", "\"" + status + "\"");
    }

    private static CreatePauseRequest aRequest() {
        return CreatePauseRequest.builder().channel(Channel.SMS).recipient("+14155550100").message("Deploy?")
                .options("Deploy", "Hold").build();
    }

    @Test
    void aRateLimitedCallIsRetriedAfterItsRetryAfter() {
        SERVER.stubFor(get("/v1/auth/me").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody(ERROR_429))
                .willSetStateTo("free"));
        SERVER.stubFor(get("/v1/auth/me").inScenario("limit").whenScenarioStateIs("free")
                .willReturn(okJson("{\"developer_id\":\"dev_1\",\"plan\":\"free\"}")));
        long started = System.nanoTime();

        Account me = client.me();

        assertThat(me.developerId()).isEqualTo("dev_1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        SERVER.verify(2, getRequestedFor(urlEqualTo("/v1/auth/me")));
    }

    @Test
    void aRetryAfterBeyondTheCapFailsAtOnceWithIt() {
        SERVER.stubFor(get("/v1/auth/me").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "900")
                .withHeader("X-Request-Id", "req-9").withBody(ERROR_429)));

        assertThatThrownBy(client::me).isInstanceOfSatisfying(RateLimitedException.class, limited -> {
            assertThat(limited.retryAfter()).contains(Duration.ofSeconds(900));
            assertThat(limited.requestId()).isEqualTo("req-9");
        });
        SERVER.verify(1, getRequestedFor(urlEqualTo("/v1/auth/me")));
    }

    @Test
    void aCreateIsRetriedAfterAResetWithTheSameIdempotencyKey() {
        SERVER.stubFor(post("/v1/pause").inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        SERVER.stubFor(post("/v1/pause").inScenario("reset").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(
                        "{\"pause_id\":\"psr_1\",\"status\":\"pending\",\"respond_url\":\"http://x/respond/t\","
                                + "\"expires_at\":\"2026-11-26T09:30:00Z\",\"created_at\":\"2026-11-25T09:30:00Z\",\"livemode\":false}")));

        Pause created = client.createPause(aRequest());

        assertThat(created.pauseId()).isEqualTo("psr_1");
        assertThat(created.isPending()).isTrue();
        List<LoggedRequest> tries = SERVER.findAll(postRequestedFor(urlEqualTo("/v1/pause")));
        assertThat(tries).hasSize(2);
        String key = tries.get(0).getHeader("Idempotency-Key");
        assertThat(UUID.fromString(key)).isNotNull();
        assertThat(tries.get(1).getHeader("Idempotency-Key")).isEqualTo(key);
        assertThat(tries.get(1).getBodyAsString()).contains("\"channel\":\"sms\"").contains("\"options\":[\"Deploy\",\"Hold\"]");
    }

    @Test
    void aCallThatIsNotIdempotentIsNotRetriedOnceItMayHaveArrived() {
        SERVER.stubFor(post("/v1/auth/register").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> client.register("a@example.com", "A", "a long enough password"))
                .isInstanceOfSatisfying(PausePointConnectionException.class, failed -> {
                    assertThat(failed.status()).isZero();
                    assertThat(failed.code()).isEqualTo(PausePointConnectionException.CODE);
                });
        SERVER.verify(1, postRequestedFor(urlEqualTo("/v1/auth/register")));
    }

    @Test
    void aRefusedConnectionIsRetriedThenReported() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PausePointClient nowhere = PausePointClient.builder().baseUrl(URI.create("http://127.0.0.1:" + closedPort))
                .maxRetries(2).build();
        long started = System.nanoTime();

        assertThatThrownBy(() -> nowhere.register("a@example.com", "A", "a long enough password"))
                .isInstanceOf(PausePointConnectionException.class).hasCauseInstanceOf(java.net.ConnectException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("two backoffs of at least 125 and 250 ms")
                .isGreaterThanOrEqualTo(Duration.ofMillis(375));
    }

    @Test
    void idsWithOddCharactersArePathEncodedAndCredentialsSent() {
        SERVER.stubFor(get("/v1/pause/..%2Fwebhooks%3Fx").willReturn(okJson(pause("pending"))));

        client.getPause("../webhooks?x");

        LoggedRequest sent = SERVER.findAll(getRequestedFor(urlEqualTo("/v1/pause/..%2Fwebhooks%3Fx"))).get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer pp_test_abc");
        assertThat(sent.getHeader("X-Forwarded-For")).isEqualTo("198.18.0.7");
        assertThat(sent.containsHeader("PausePoint-Mode")).isFalse();
    }

    @Test
    void aHeaderTheJdkOwnsIsRefusedWhenTheClientIsBuilt() {
        assertThatThrownBy(() -> PausePointClient.builder().defaultHeader("Host", "elsewhere.example"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PausePointClient.builder().defaultHeader("X-Bad", "line\r\nbreak"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSessionNamesItsWorld() {
        SERVER.stubFor(get("/v1/webhooks").willReturn(okJson("{\"items\":[]}")));
        PausePointClient session = PausePointClient.builder().baseUrl(URI.create(SERVER.baseUrl())).apiKey("pps_x")
                .mode(Mode.TEST).build();

        assertThat(session.listWebhooks()).isEmpty();

        SERVER.verify(getRequestedFor(urlEqualTo("/v1/webhooks")).withHeader("PausePoint-Mode", equalTo("test"))
                .withHeader("Authorization", equalTo("Bearer pps_x")));
    }

    @Test
    void aDegradedHealthIsAnAnswer() {
        SERVER.stubFor(get("/health").willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"degraded\",\"services\":{\"pause-service\":\"down\"}}")));

        Health health = client.health();

        assertThat(health.isOk()).isFalse();
        assertThat(health.services()).containsEntry("pause-service", "down");
    }

    @Test
    void awaitDecisionLongPollsUntilThePauseIsDecidedAndWaitsOutALongPollLimit() {
        SERVER.stubFor(get(urlPathEqualTo("/v1/pause/psr_1")).inScenario("poll").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(pause("pending"))).willSetStateTo("limited"));
        SERVER.stubFor(get(urlPathEqualTo("/v1/pause/psr_1")).inScenario("poll").whenScenarioStateIs("limited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody(ERROR_429))
                .willSetStateTo("decided"));
        SERVER.stubFor(get(urlPathEqualTo("/v1/pause/psr_1")).inScenario("poll").whenScenarioStateIs("decided")
                .willReturn(okJson(pause("responded"))));

        Pause decided = PausePointClient.builder().baseUrl(URI.create(SERVER.baseUrl())).maxRetries(0).build()
                .awaitDecision("psr_1", Duration.ofMinutes(2));

        assertThat(decided.status()).isEqualTo(PauseStatus.RESPONDED);
        List<LoggedRequest> polls = SERVER.findAll(getRequestedFor(urlPathEqualTo("/v1/pause/psr_1")));
        assertThat(polls).hasSize(3).allSatisfy(poll -> assertThat(poll.queryParameter("wait").firstValue()).isEqualTo("30"));
    }

    @Test
    void awaitDecisionReturnsThePendingPauseWhenTimeRunsOut() {
        SERVER.stubFor(get(urlPathEqualTo("/v1/pause/psr_1")).willReturn(okJson(pause("pending"))));

        Pause pending = client.awaitDecision("psr_1", Duration.ZERO);

        assertThat(pending.isPending()).isTrue();
        SERVER.verify(1, getRequestedFor(urlEqualTo("/v1/pause/psr_1")));
    }

    @Test
    void cancellingAnAsyncAwaitAbortsTheLongPollInFlight() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            PausePointClient silent = PausePointClient.builder()
                    .baseUrl(URI.create("http://127.0.0.1:" + server.getLocalPort())).build();
            CompletableFuture<Pause> waiting = silent.awaitDecisionAsync("psr_1", Duration.ofMinutes(5));
            try (Socket held = server.accept()) {
                held.setSoTimeout(10_000);
                InputStream in = held.getInputStream();
                String request = readHead(in);
                assertThat(request).startsWith("GET /v1/pause/psr_1?wait=30 ");

                waiting.cancel(true);

                assertThat(in.read()).as("the client closed the connection").isEqualTo(-1);
            }
            assertThatThrownBy(waiting::join).isInstanceOf(CancellationException.class);
        }
    }

    private static String readHead(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    void theAuditExportIsHandedOverAsAStreamOfEntries() {
        SERVER.stubFor(get(urlPathEqualTo("/v1/audit/export")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-ndjson").withBody("""
                        {"id":"aud_2","event_type":"pause.created","actor":"developer","detail":{},"created_at":"2026-11-25T09:30:00Z"}
                        {"id":"aud_1","event_type":"developer.registered","actor":"developer","detail":{"plan":"free"},"created_at":"2026-11-25T09:00:00Z"}
                        """)));

        try (var entries = client.exportAuditEntries(AuditExport.ndjson(java.time.LocalDate.of(2026, 11, 1),
                java.time.LocalDate.of(2026, 11, 30)).withEventType("pause created"))) {
            assertThat(entries.map(AuditEntry::id)).containsExactly("aud_2", "aud_1");
        }
        SERVER.verify(getRequestedFor(urlEqualTo(
                "/v1/audit/export?from_date=2026-11-01&to_date=2026-11-30&format=ndjson&event_type=pause%20created")));
    }

    @Test
    void anErrorAnswerOfAStreamedCallIsItsException() {
        SERVER.stubFor(get(urlPathEqualTo("/v1/audit/export")).willReturn(aResponse().withStatus(422)
                .withBody("{\"error\":\"VALIDATION_ERROR\",\"message\":\"bad\",\"status_code\":422,"
                        + "\"detail\":[{\"field\":\"to_date\",\"issue\":\"must not be before from_date\"}]}")));

        assertThatThrownBy(() -> client.exportAudit(AuditExport.csv(java.time.LocalDate.of(2026, 11, 30),
                java.time.LocalDate.of(2026, 11, 1)))).isInstanceOfSatisfying(ValidationException.class,
                        invalid -> assertThat(invalid.details()).extracting(ValidationException.FieldIssue::field)
                                .containsExactly("to_date"));
    }

    @Test
    void bodiesAreUtf8() {
        SERVER.stubFor(post("/v1/respond/tok").willReturn(okJson(
                "{\"pause_id\":\"psr_1\",\"status\":\"responded\",\"choice\":\"Oui\",\"response_at\":\"2026-11-25T09:31:00Z\"}")));

        RespondResult result = client.respond("http://x/respond/tok", "Oui", "ça va ✓");

        assertThat(result.status()).isEqualTo(PauseStatus.RESPONDED);
        assertThat(new String(SERVER.findAll(postRequestedFor(urlEqualTo("/v1/respond/tok"))).get(0).getBody(),
                StandardCharsets.UTF_8)).isEqualTo("{\"choice\":\"Oui\",\"text\":\"ça va ✓\"}");
    }
}
