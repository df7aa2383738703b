package dev.pausepoint.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The PausePoint API from Java: one method per endpoint of {@code docs/api-reference.md}.
 *
 * <p>Thread-safe; build one per credential and share it. Every non-2xx answer throws the
 * {@link PausePointException} subclass of its error code; no answer at all throws
 * {@link PausePointConnectionException}. Retries follow {@link Builder#maxRetries}: a {@code 429} is
 * retried after its {@code Retry-After}; a connection failure only when repeating the call is safe
 * (reads, cancels, and creates, which always carry an {@code Idempotency-Key}).
 *
 * <pre>{@code
 * PausePointClient client = PausePointClient.builder()
 *         .baseUrl(URI.create("http://localhost:8080")).apiKey("pp_test_...").build();
 * Pause pause = client.createPause(CreatePauseRequest.builder().channel(Channel.SMS)
 *         .recipient("+14155550100").message("Deploy?").options("Deploy", "Hold").build());
 * Pause decided = client.awaitDecision(pause.pauseId(), Duration.ofMinutes(10));
 * }</pre>
 */
public final class PausePointClient {

    /** The environment variable {@link #fromEnvironment()} reads the gateway's URL from. */
    public static final String URL_VARIABLE = "PAUSEPOINT_URL";
    /** The environment variable {@link #fromEnvironment()} reads the credential from. */
    public static final String API_KEY_VARIABLE = "PAUSEPOINT_API_KEY";

    private final Transport transport;
    private final Clock clock;

    private PausePointClient(Transport transport, Clock clock) {
        this.transport = transport;
        this.clock = clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A client for {@code PAUSEPOINT_URL} with the credential {@code PAUSEPOINT_API_KEY} (optional). */
    public static PausePointClient fromEnvironment() {
        return builder().fromEnvironment().build();
    }

    /** The same settings and HTTP client with another credential (an API key or a session token). */
    public PausePointClient withApiKey(String apiKey) {
        return new PausePointClient(transport.withCredential(apiKey), clock);
    }

    // ---- pauses ----

    /** {@code POST /v1/pause} with a fresh random {@code Idempotency-Key}, kept for every retry of this call. */
    public Pause createPause(CreatePauseRequest request) {
        return createPause(request, UUID.randomUUID().toString());
    }

    /**
     * {@code POST /v1/pause}. Within 24 h the same key and body return the original pause and send nothing
     * again; the same key with another body is {@link IdempotencyConflictException}.
     *
     * @return the pause as the create answers it (see {@link Pause} for the fields it carries)
     */
    public Pause createPause(CreatePauseRequest request, String idempotencyKey) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return transport.send(Call.post("/v1/pause", request).header("Idempotency-Key", idempotencyKey).asIdempotent(),
                json(Pause.class));
    }

    /** {@code GET /v1/pause/{id}}; {@link PauseNotFoundException} for an unknown or another's pause. */
    public Pause getPause(String pauseId) {
        return getPause(pauseId, Duration.ZERO);
    }

    /**
     * One long-poll: answers as soon as the pause leaves {@code pending}, or after {@code wait} (clamped to
     * 0–30 s, whole seconds) with its current state.
     */
    public Pause getPause(String pauseId, Duration wait) {
        return transport.send(longPoll(pauseId, clampWait(wait)), json(Pause.class));
    }

    /**
     * Long-polls until the pause is decided (responded, timed out or cancelled) or {@code timeout} has
     * passed, and returns its latest state: still {@link PauseStatus#PENDING} when time ran out. A long-poll
     * refused by a limit ({@code 429}, or {@code 503} with {@code Retry-After}) is tried again after its
     * {@code Retry-After} while the timeout allows. Interrupting the waiting thread aborts the request.
     */
    public Pause awaitDecision(String pauseId, Duration timeout) {
        return Transport.await(awaitDecisionAsync(pauseId, timeout));
    }

    /**
     * {@link #awaitDecision} without holding a thread. Cancelling the returned future aborts the long-poll
     * in flight, so the server stops holding it.
     */
    public CompletableFuture<Pause> awaitDecisionAsync(String pauseId, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        PathSegment.encode("pauseId", pauseId);
        return DecisionAwait.start(wait -> transport.sendAsync(longPoll(pauseId, wait).refusalsNotRetried(),
                json(Pause.class)), clock, timeout);
    }

    /**
     * {@code DELETE /v1/pause/{id}}: the cancelled pause. {@link AlreadyRespondedException},
     * {@link AlreadyCancelledException} or {@link AlreadyTimedOutException} (each a
     * {@link PauseNotPendingException}) when it had already ended.
     */
    public Pause cancelPause(String pauseId) {
        return transport.send(Call.delete("/v1/pause/" + PathSegment.encode("pauseId", pauseId)), json(Pause.class));
    }

    /** {@code GET /v1/pause}, newest first. */
    public PausePage listPauses(ListPausesQuery query) {
        return transport.send(Call.get("/v1/pause" + query.toQueryString()), json(PausePage.class));
    }

    // ---- the human's response (no credential: the token is one) ----

    /**
     * {@code GET /v1/respond/{token}}: the pause as its response link shows it.
     *
     * @param tokenOrRespondUrl the token, or the whole {@code respond_url}
     */
    public RespondLink getRespondLink(String tokenOrRespondUrl) {
        return transport.send(Call.get("/v1/respond/" + respondToken(tokenOrRespondUrl)), json(RespondLink.class));
    }

    /**
     * {@code POST /v1/respond/{token}}: records the human's answer; {@code text} may be null. Not retried
     * once it may have reached the server: a second answer would be {@link TokenUsedException}.
     */
    public RespondResult respond(String tokenOrRespondUrl, String choice, String text) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("choice", Objects.requireNonNull(choice, "choice"));
        if (text != null) {
            body.put("text", text);
        }
        return transport.send(Call.post("/v1/respond/" + respondToken(tokenOrRespondUrl), body),
                json(RespondResult.class));
    }

    // ---- accounts and keys ----

    /** {@code POST /v1/auth/register}; {@link EmailTakenException} when the email has an account. */
    public Registration register(String email, String name, String password) {
        return transport.send(Call.post("/v1/auth/register", Map.of("email", email, "name", name, "password", password)),
                json(Registration.class));
    }

    /** {@code POST /v1/auth/login}; {@link InvalidCredentialsException} for a wrong email or password. */
    public Session login(String email, String password) {
        return transport.send(Call.post("/v1/auth/login", Map.of("email", email, "password", password)),
                json(Session.class));
    }

    /** {@code POST /v1/auth/logout} with a session token: ends every session of the account. */
    public void logout() {
        transport.send(Call.post("/v1/auth/logout", null).asIdempotent(), PausePointClient::nothing);
    }

    /** {@code GET /v1/auth/me}: the caller's account and this month's usage. */
    public Account me() {
        return transport.send(Call.get("/v1/auth/me"), json(Account.class));
    }

    /** {@code POST /v1/auth/keys/rotate} of the caller's own mode. Never retried once sent. */
    public KeyRotation rotateKey() {
        return transport.send(Call.post("/v1/auth/keys/rotate", null), json(KeyRotation.class));
    }

    /** {@code POST /v1/auth/keys/rotate} of {@code keyType}; an API key may rotate only its own mode's. */
    public KeyRotation rotateKey(Mode keyType) {
        return transport.send(Call.post("/v1/auth/keys/rotate", Map.of("key_type", keyType.wireName())),
                json(KeyRotation.class));
    }

    /** {@code POST /v1/auth/password-reset}: the server's message, the same whether or not the email has an account. */
    public String requestPasswordReset(String email) {
        return transport.send(Call.post("/v1/auth/password-reset", Map.of("email", email)), PausePointClient::message);
    }

    /** {@code POST /v1/auth/password-reset/confirm}: sets the password and ends every session. */
    public String confirmPasswordReset(String token, String password) {
        return transport.send(Call.post("/v1/auth/password-reset/confirm", Map.of("token", token, "password", password)),
                PausePointClient::message);
    }

    // ---- webhooks ----

    /** {@code POST /v1/webhooks}: a new endpoint of the caller's world. */
    public Webhook createWebhook(CreateWebhookRequest request) {
        return transport.send(Call.post("/v1/webhooks", request), json(Webhook.class));
    }

    /** {@code GET /v1/webhooks}, oldest first. */
    public List<Webhook> listWebhooks() {
        return transport.send(Call.get("/v1/webhooks"), items(Webhook.class));
    }

    /** {@code DELETE /v1/webhooks/{id}}; pending deliveries to it are given up. */
    public void deleteWebhook(String webhookId) {
        transport.send(Call.delete("/v1/webhooks/" + PathSegment.encode("webhookId", webhookId)),
                PausePointClient::nothing);
    }

    /** {@code GET /v1/webhooks/{id}/deliveries}: the endpoint's attempts, newest first, at most {@code limit} (1–100). */
    public List<WebhookDelivery> listWebhookDeliveries(String webhookId, int limit) {
        return transport.send(Call.get("/v1/webhooks/" + PathSegment.encode("webhookId", webhookId) + "/deliveries"
                + new QueryString().add("limit", limit)), items(WebhookDelivery.class));
    }

    /**
     * {@code POST /v1/webhooks/{id}/test}: queues one signed {@code webhook.test} post to the endpoint.
     * While its previous test is not posted yet the answer is a {@code 429} with {@code Retry-After: 1},
     * which the client waits out like any other.
     */
    public WebhookTest testWebhook(String webhookId) {
        return transport.send(Call.post("/v1/webhooks/" + PathSegment.encode("webhookId", webhookId) + "/test", null),
                json(WebhookTest.class));
    }

    /** {@code GET /v1/deliveries?pause_id=}: what was sent for one pause (both lists empty for an unknown id). */
    public DeliveryTimeline getDeliveryTimeline(String pauseId) {
        return transport.send(Call.get("/v1/deliveries" + new QueryString().add("pause_id", pauseId)),
                json(DeliveryTimeline.class));
    }

    // ---- audit, statistics ----

    /** {@code GET /v1/audit}, newest first. */
    public AuditPage listAudit(AuditQuery query) {
        return transport.send(Call.get("/v1/audit" + query.toQueryString()), json(AuditPage.class));
    }

    /**
     * {@code GET /v1/audit/export}: the file as it streams in. Close it when done; an export the server
     * could not finish ends in an {@link IOException} while reading, never in a short file that looks
     * whole. Refusals (such as a bad date, or {@code 429} while the previous export still runs, retried
     * after its {@code Retry-After}) come as exceptions before the stream.
     */
    public InputStream exportAudit(AuditExport export) {
        return transport.send(Call.get("/v1/audit/export" + export.toQueryString()).streamed(), Transport.Answer::stream);
    }

    /**
     * The NDJSON export ({@code export.format()} must be {@link AuditExport.Format#NDJSON}) read lazily
     * entry by entry. Close the stream (try-with-resources); a failure while reading is an
     * {@link UncheckedIOException}.
     */
    public Stream<AuditEntry> exportAuditEntries(AuditExport export) {
        if (export.format() != AuditExport.Format.NDJSON) {
            throw new IllegalArgumentException("entries are read from the ndjson format");
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(exportAudit(export), StandardCharsets.UTF_8));
        return lines.lines().filter(line -> !line.isEmpty())
                .map(line -> Json.MAPPER.readValue(line, AuditEntry.class))
                .onClose(() -> {
                    try {
                        lines.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** {@code GET /v1/stats/pauses?days=}: the last {@code days} UTC days (1–90), today included. */
    public PauseStats pauseStats(int days) {
        return transport.send(Call.get("/v1/stats/pauses" + new QueryString().add("days", days)), json(PauseStats.class));
    }

    // ---- billing ----

    /** {@code GET /v1/billing/plans}, cheapest first. */
    public List<Plan> billingPlans() {
        return transport.send(Call.get("/v1/billing/plans"), items(Plan.class));
    }

    /** {@code GET /v1/billing/subscription}; {@link BillingNotConfiguredException} without Paddle. */
    public Subscription subscription() {
        return transport.send(Call.get("/v1/billing/subscription"), json(Subscription.class));
    }

    /** {@code POST /v1/billing/checkout}: the Paddle checkout page for {@code plan} (a live key or session). */
    public URI checkout(String plan) {
        return transport.send(Call.post("/v1/billing/checkout", Map.of("plan", plan)),
                answer -> URI.create(tree(answer).path("checkout_url").asString()));
    }

    // ---- health ----

    /** {@code GET /health}: answered for a degraded system ({@code 503}) too, since that is its news. */
    public Health health() {
        return transport.send(Call.get("/health").alsoOk(503), json(Health.class));
    }

    // ---- reading answers ----

    private Call longPoll(String pauseId, int waitSeconds) {
        Call call = Call.get("/v1/pause/" + PathSegment.encode("pauseId", pauseId)
                + (waitSeconds == 0 ? "" : new QueryString().add("wait", waitSeconds).toString()));
        Duration atLeast = Duration.ofSeconds(waitSeconds + 15L);
        return atLeast.compareTo(transport.requestTimeout()) > 0 ? call.timeout(atLeast) : call;
    }

    private static int clampWait(Duration wait) {
        long seconds = Objects.requireNonNull(wait, "wait").toSeconds();
        return (int) Math.max(0, Math.min(DecisionAwait.MAX_WAIT_SECONDS, seconds));
    }

    /** A token from a whole response link ({@code <base>/respond/<token>}) or the token itself. */
    static String respondToken(String tokenOrRespondUrl) {
        String token = Objects.requireNonNull(tokenOrRespondUrl, "token");
        int respond = token.lastIndexOf("/respond/");
        if (respond >= 0) {
            token = token.substring(respond + "/respond/".length());
            int end = indexOfAny(token, '?', '#');
            token = end >= 0 ? token.substring(0, end) : token;
        }
        return PathSegment.encode("token", token);
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    private static <T> Function<Transport.Answer, T> json(Class<T> type) {
        return answer -> Json.MAPPER.readValue(answer.bytes(), type);
    }

    private static <T> Function<Transport.Answer, List<T>> items(Class<T> type) {
        return answer -> {
            JsonNode items = tree(answer).path("items");
            return List.copyOf(Json.MAPPER.readerForListOf(type).readValue(items));
        };
    }

    private static JsonNode tree(Transport.Answer answer) {
        return Json.MAPPER.readTree(answer.bytes());
    }

    private static String message(Transport.Answer answer) {
        return tree(answer).path("message").asString(null);
    }

    private static Void nothing(Transport.Answer answer) {
        return null;
    }

    /**
     * Settings of a {@link PausePointClient}. Only {@link #baseUrl} is required.
     */
    public static final class Builder {

        /** The longest {@code Retry-After} the client waits out by default before giving up the call. */
        public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

        private URI baseUrl;
        private String apiKey;
        private Mode mode;
        private HttpClient httpClient;
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private int maxRetries = 3;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private Duration requestTimeout = Duration.ofSeconds(40);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The gateway, such as {@code http://localhost:8080}. Required. */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** {@code PAUSEPOINT_URL} and, when set, {@code PAUSEPOINT_API_KEY}. */
        public Builder fromEnvironment() {
            String url = System.getenv(URL_VARIABLE);
            if (url == null || url.isBlank()) {
                throw new IllegalStateException(URL_VARIABLE + " is not set");
            }
            baseUrl(URI.create(url.trim()));
            String key = System.getenv(API_KEY_VARIABLE);
            if (key != null && !key.isBlank()) {
                apiKey(key.trim());
            }
            return this;
        }

        /** An API key ({@code pp_live_...}, {@code pp_test_...}) or a session token ({@code pps_...}); none for unauthenticated calls. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * The world a session token acts in ({@code PausePoint-Mode}); live when not set. An API key acts in
         * its own world: naming the other one is {@link KeyModeNotAllowedException}.
         */
        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        /**
         * The JDK HTTP client to send with, to share one between many {@code PausePointClient}s (connections,
         * threads). By default each built client makes its own, with {@link #connectTimeout}.
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /**
         * A header sent with every request, such as a proxy's {@code X-Forwarded-For}. A header the JDK
         * client sets itself ({@code Host}, {@code Connection}, {@code Content-Length}, ...) or an invalid
         * name or value is an {@link IllegalArgumentException} here rather than on every call.
         */
        public Builder defaultHeader(String name, String value) {
            HttpRequest.newBuilder().header(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            defaultHeaders.put(name, value);
            return this;
        }

        /** Retries after the first try (default 3); 0 turns retries off. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be at least 0");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * The longest {@code Retry-After} waited out (default 60 s): an answer asking for longer fails the call
         * at once, its exception carrying the {@code Retry-After}.
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /**
         * How long one request may take, answer included (default 40 s). A long-poll gets at least its wait
         * plus 15 s.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /** How long opening a connection may take (default 10 s); only for the client's own HTTP client. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** The clock {@link PausePointClient#awaitDecision} measures its timeout with; for tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public PausePointClient build() {
            Objects.requireNonNull(baseUrl, "baseUrl is required");
            if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
                throw new IllegalArgumentException("baseUrl must be http or https: " + baseUrl);
            }
            HttpClient http = httpClient != null ? httpClient
                    : HttpClient.newBuilder().connectTimeout(connectTimeout).build();
            RetryPolicy retry = new RetryPolicy(maxRetries, maxRetryAfter, () -> ThreadLocalRandom.current().nextDouble());
            return new PausePointClient(new Transport(http, baseUrl, apiKey, mode, defaultHeaders, retry, requestTimeout),
                    clock);
        }
    }
}
