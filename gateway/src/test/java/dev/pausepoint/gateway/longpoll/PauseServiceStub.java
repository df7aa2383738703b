package dev.pausepoint.gateway.longpoll;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.testsupport.TestSecrets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * pause-service as far as parked long-polls need it, scoping like the real one: the public read
 * ({@code GET /v1/pause/{id}}, answered to the owner, or to anyone while {@link #lax} is set, so that a
 * test can park another developer's waiter on a pause) and the batch of woken reads
 * ({@code POST /internal/pauses/woken}, positional, {@code null} outside the owner's world). Both check
 * the gateway's signatures, and every call is recorded, so a test can count what a wake cost.
 */
final class PauseServiceStub implements AutoCloseable {

    static final String CONTENT_TYPE = "application/json";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RequestSigner SIGNER = new RequestSigner(TestSecrets.INTERNAL_SECRET);

    /** A pause: whose it is, and the body the public read gives it now. */
    record Stored(String developerId, boolean livemode, String body) {
    }

    /** One call of the batch endpoint: the entries asked for, in order. */
    record WokenCall(List<JsonNode> entries) {
    }

    final Map<String, Stored> pauses = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    final List<WokenCall> wokenCalls = new CopyOnWriteArrayList<>();
    final AtomicInteger wokenInFlight = new AtomicInteger();
    final AtomicInteger mostWokenInFlight = new AtomicInteger();
    /** Whether a read of another developer's pending pause is answered as if it were theirs. */
    volatile boolean lax;
    /** The status the batch endpoint answers with (anything but 200 is a failure). */
    volatile int wokenStatus = 200;
    volatile long wokenDelayMillis;

    private final HttpServer server;

    PauseServiceStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/v1/pause/", this::read);
        server.createContext("/internal/pauses/woken", this::woken);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int reads(String pauseId) {
        return reads.computeIfAbsent(pauseId, id -> new AtomicInteger()).get();
    }

    private void read(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            CallerIdentity caller = SIGNER.verifyIdentity(exchange.getRequestHeaders()::getFirst, "GET", path);
            String pauseId = path.substring("/v1/pause/".length());
            Stored pause = pauses.get(pauseId);
            // Counted once the answer's state is taken: a test that saw the count knows what the read found.
            reads.computeIfAbsent(pauseId, id -> new AtomicInteger()).incrementAndGet();
            boolean theirs = pause != null && pause.developerId().equals(caller.developerId())
                    && pause.livemode() == caller.livemode();
            if (theirs || (pause != null && lax && pause.body().contains("\"pending\""))) {
                answer(exchange, 200, pause.body());
            } else {
                answer(exchange, 404, "{\"error\":\"NOT_FOUND\",\"message\":\"No pause " + pauseId
                        + ".\",\"status_code\":404}");
            }
        }
    }

    private void woken(HttpExchange exchange) throws IOException {
        try (exchange) {
            SIGNER.verifyInternalCall(exchange.getRequestHeaders()::getFirst, "POST", "/internal/pauses/woken");
            int now = wokenInFlight.incrementAndGet();
            mostWokenInFlight.accumulateAndGet(now, Math::max);
            try {
                JsonNode asked = JSON.readTree(exchange.getRequestBody().readAllBytes()).get("pauses");
                List<JsonNode> entries = new ArrayList<>();
                asked.forEach(entries::add);
                wokenCalls.add(new WokenCall(entries));
                Thread.sleep(wokenDelayMillis);
                StringJoiner body = new StringJoiner(",", "{\"pauses\":[", "]}");
                for (JsonNode entry : entries) {
                    Stored pause = pauses.get(entry.get("pause_id").asString());
                    boolean theirs = pause != null && pause.developerId().equals(entry.get("developer_id").asString())
                            && pause.livemode() == entry.get("livemode").asBoolean();
                    body.add(theirs ? pause.body() : "null");
                }
                answer(exchange, wokenStatus, body.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                wokenInFlight.decrementAndGet();
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
