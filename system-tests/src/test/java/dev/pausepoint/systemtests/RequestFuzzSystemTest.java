package dev.pausepoint.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.testsupport.http.RawHttpConnection;
import dev.pausepoint.testsupport.http.RawHttpConnection.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated hostile requests through the real gateway to every service that takes text from a client:
 * whatever the body, path, query or token, the answer is never a 5xx, and every refusal is the error
 * envelope with {@code status_code} equal to the HTTP status. The hosted response page is the one
 * exception by design: it answers its own refusals (a bad or spent link, a wrong choice) with an HTML
 * page, so there a refusal is either that page ({@code text/html}) or the envelope (what the framework
 * and the gateway refuse before the page runs).
 *
 * <p>Each test draws its inputs from a {@link java.util.Random} seeded with {@code fuzz.seed} (a fixed
 * default, so CI is repeatable) plus the test's number; {@code -Dfuzz.seed=<n>} explores other inputs and
 * every failure names the seed that reproduces it; {@code -Dfuzz.scale=<n>} sends n times as many. About 300
 * requests in all (a minute with the stack's start), spread over three developers' six keys and a new
 * client address each, so the per-key and per-address limits let them through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestFuzzSystemTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261125L);
    /** {@code -Dfuzz.scale=n} sends n times the requests from n times the developers, to explore. */
    private static final int SCALE = Integer.getInteger("fuzz.scale", 1);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");
    private static final String VALID_PAUSE = """
            {"recipient":"+14155550123","channel":"sms","message":"Ship it?","options":["Yes","No"],\
            "allow_text_response":true,"timeout_default":"No","metadata":{"run":"r-1"}}""";
    private static final FuzzInputs.Shape PAUSE_SHAPE = new FuzzInputs.Shape(
            List.of("recipient", "channel", "message", "timeout_default"), List.of("options"), List.of("metadata"));
    private static final FuzzInputs.Shape WEBHOOK_SHAPE = new FuzzInputs.Shape(List.of("url", "secret"),
            List.of("events"), List.of());
    private static final FuzzInputs.Shape RESPONSE_SHAPE = new FuzzInputs.Shape(List.of("choice", "text"), List.of(),
            List.of());
    private static final String VALID_WEBHOOK = """
            {"url":"https://example.com/hook","events":["pause.responded"],"secret":"whsec-0123456789abcdef"}""";

    private final List<String> keys = new ArrayList<>();
    private final List<String> pauseIds = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private int gateway;

    /** One run's tally: what failed (with the request), and how many answers the rate limiter gave. */
    private static final class Tally {
        final List<String> failures = new ArrayList<>();
        final long seed;
        final java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int tries;

        Tally(long seed) {
            this.seed = seed;
        }

        /** No rule broken, and the services were reached: some requests passed, few were rate-limited. */
        void assertClean() {
            System.out.println("fuzz seed " + seed + ": statuses " + statuses);
            assertThat(failures).as("seed %d: %d of %d answers broke the rule", seed, failures.size(), tries)
                    .isEmpty();
            assertThat(statuses.getOrDefault(429, 0)).as("rate-limited answers").isLessThan(Math.max(1, tries / 10));
            assertThat(statuses.keySet()).as("some requests got through to a service and passed")
                    .anyMatch(status -> status >= 200 && status < 300);
        }
    }

    @BeforeAll
    void developersWithAPauseEach() {
        gateway = SystemStack.gateway().getPort();
        for (int i = 0; i < 3 * SCALE; i++) {
            Developer developer = Developer.register();
            keys.add(developer.live());
            keys.add(developer.test());
            Http.Reply created = Developer.as(developer.test(), "POST", "/v1/pause", VALID_PAUSE);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            pauseIds.add(created.json().get("pause_id").asString());
            String url = created.json().get("respond_url").asString();
            tokens.add(url.substring(url.lastIndexOf('/') + 1));
        }
    }

    /**
     * One request on its own connection ({@code Connection: close}), written byte by byte so the target may
     * hold what no URI class accepts; a body waits for {@code 100 Continue}, so a refusal by the head is
     * answered rather than a reset of a connection the client is still writing to.
     */
    private Response send(Tally tally, FuzzInputs in, String method, byte[] target, String contentType, byte[] body,
            boolean page, String... extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Forwarded-For", Http.randomClient());
        headers.put("Authorization", "Bearer " + in.pick(keys));
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            headers.put(extraHeaders[i], extraHeaders[i + 1]);
        }
        String sentTarget = new String(target, StandardCharsets.ISO_8859_1);
        String shown = method + " " + sentTarget
                + (body == null ? "" : " " + abbreviate(new String(body, StandardCharsets.UTF_8)));
        tally.tries++;
        Response answer;
        try (RawHttpConnection connection = new RawHttpConnection(gateway, Duration.ofSeconds(40))) {
            answer = connection.sendClosing(method, sentTarget, headers, body);
        } catch (Exception e) {
            tally.failures.add(shown + "\n    -> no answer: " + e.getMessage());
            return null;
        }
        String problem = problem(answer, page);
        if (problem != null) {
            tally.failures.add(shown + "\n    -> " + answer.status() + " " + problem + ": "
                    + abbreviate(answer.body()));
        }
        tally.statuses.merge(answer.status(), 1, Integer::sum);
        return answer;
    }

    /** What is wrong with {@code answer}, or null: the rule this test holds every answer to. */
    static String problem(Response answer, boolean page) {
        int status = answer.status();
        if (status >= 500) {
            return "a server error";
        }
        if (status < 400) {
            return null;
        }
        String type = String.valueOf(answer.header("Content-Type")).toLowerCase(Locale.ROOT);
        if (page && type.startsWith("text/html")) {
            return answer.body().contains("<title>") ? null : "an HTML refusal that is not the hosted page";
        }
        if (!type.startsWith("application/json")) {
            return "a refusal that is not JSON (" + type + ")";
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            boolean envelope = body.path("error").isString() && body.path("message").isString()
                    && body.path("status_code").isInt() && body.get("status_code").asInt() == status;
            return envelope ? null : "a JSON refusal that is not the envelope";
        } catch (RuntimeException e) {
            return "a refusal whose JSON does not parse";
        }
    }

    /**
     * A generated body under the 64 KB limit. Bodies over it are the gateway's 413 (its own system test),
     * which it may answer before reading them, so a client still sending sees a reset, not an answer.
     */
    private static String fitting(java.util.function.Supplier<String> body) {
        while (true) {
            String candidate = body.get();
            if (utf8(candidate).length <= 60_000) {
                return candidate;
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " chars)";
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] join(String prefix, byte[] tail) {
        byte[] head = ascii(prefix);
        byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static byte[] join(String prefix, byte[] middle, String suffix) {
        byte[] start = join(prefix, middle);
        byte[] end = ascii(suffix);
        byte[] all = java.util.Arrays.copyOf(start, start.length + end.length);
        System.arraycopy(end, 0, all, start.length, end.length);
        return all;
    }

    @Test
    void createTakesAnyJsonWithoutAServerError() {
        Tally tally = new Tally(SEED + 1);
        FuzzInputs in = new FuzzInputs(tally.seed);
        for (int i = 0; i < 70 * SCALE; i++) {
            String body = fitting(() -> switch (in.random.nextInt(5)) {
                case 0 -> in.json(3);
                case 1 -> in.deep();
                default -> in.mutate(VALID_PAUSE, PAUSE_SHAPE);
            });
            String[] idempotency = in.chance(20)
                    ? new String[] {"Idempotency-Key", new String(in.segment(), StandardCharsets.ISO_8859_1)}
                    : new String[0];
            send(tally, in, "POST", ascii("/v1/pause"), "application/json", utf8(body), false, idempotency);
        }
        tally.assertClean();
    }

    @Test
    void listAndPausePathsTakeAnyQueryAndSuffix() {
        Tally tally = new Tally(SEED + 2);
        FuzzInputs in = new FuzzInputs(tally.seed);
        for (int i = 0; i < 70 * SCALE; i++) {
            byte[] target = switch (in.random.nextInt(5)) {
                case 0, 1 -> join("/v1/pause?", in.query());
                case 2 -> join("/v1/pause/", in.segment());
                case 3 -> join("/v1/pause/" + in.pick(pauseIds) + "?", in.query());
                default -> join("/v1/pause/", in.segment(), "/cancel");
            };
            String method = in.pick(List.of("GET", "GET", "DELETE", "POST"));
            send(tally, in, method, target, null, null, false);
        }
        tally.assertClean();
    }

    @Test
    void webhooksTakeAnyBodyPathAndQuery() {
        Tally tally = new Tally(SEED + 3);
        FuzzInputs in = new FuzzInputs(tally.seed);
        for (int i = 0; i < 70 * SCALE; i++) {
            switch (in.random.nextInt(5)) {
                case 0 -> send(tally, in, "POST", ascii("/v1/webhooks"), "application/json",
                        utf8(fitting(() -> in.json(3))), false);
                case 1 -> send(tally, in, "POST", ascii("/v1/webhooks"), "application/json",
                        utf8(fitting(() -> in.mutate(VALID_WEBHOOK, WEBHOOK_SHAPE))), false);
                case 2 -> send(tally, in, "DELETE", join("/v1/webhooks/", in.segment()), null, null, false);
                case 3 -> send(tally, in, "GET", join("/v1/webhooks/", in.segment(), "/deliveries"), null, null, false);
                default -> send(tally, in, "GET", join("/v1/webhooks?", in.query()), null, null, false);
            }
        }
        tally.assertClean();
    }

    @Test
    void respondApiAndPageTakeAnyTokenBodyAndForm() {
        Tally tally = new Tally(SEED + 4);
        FuzzInputs in = new FuzzInputs(tally.seed);
        for (int i = 0; i < 90 * SCALE; i++) {
            String token = in.pick(tokens);
            switch (in.random.nextInt(6)) {
                case 0 -> send(tally, in, "GET", join("/v1/respond/", in.token(token)), null, null, false);
                case 1 -> send(tally, in, "POST", join("/v1/respond/", in.token(token)), "application/json",
                        utf8(fitting(() -> in.chance(50) ? in.json(2)
                                : in.mutate("{\"choice\":\"Yes\"}", RESPONSE_SHAPE))), false);
                case 2 -> send(tally, in, "GET", join("/respond/", in.token(token)), null, null, true);
                case 3 -> send(tally, in, "GET", join("/respond/" + token + "?", in.query()), null, null, true);
                default -> {
                    Response confirm = send(tally, in, "GET", ascii("/respond/" + token + "?choice=Yes"), null, null,
                            true);
                    Matcher nonce = NONCE.matcher(confirm == null ? "" : confirm.body());
                    send(tally, in, "POST", in.chance(70) ? ascii("/respond/" + token) : join("/respond/",
                            in.token(token)), "application/x-www-form-urlencoded",
                            in.form(nonce.find() ? nonce.group(1) : "none"), true);
                }
            }
        }
        tally.assertClean();
    }

    /** An answer as the rule sees it: a status, a Content-Type or none, a body. */
    private static Response answer(int status, String contentType, String body) {
        return new Response(status, "", contentType == null ? Map.of() : Map.of("content-type", List.of(contentType)),
                body);
    }

    @Test
    void theRuleItselfTellsTheEnvelopeFromAnythingElse() {
        assertThat(problem(answer(422, "application/json",
                "{\"error\":\"VALIDATION_ERROR\",\"message\":\"m\",\"status_code\":422}"), false)).isNull();
        assertThat(problem(answer(422, "application/json",
                "{\"error\":\"VALIDATION_ERROR\",\"message\":\"m\",\"status_code\":400}"), false)).isNotNull();
        assertThat(problem(answer(400, "text/html", "<title>x</title>"), false))
                .isNotNull();
        assertThat(problem(answer(400, "text/html", "<title>x</title>"), true))
                .isNull();
        assertThat(problem(answer(414, null, ""), false)).isNotNull();
        assertThat(problem(answer(500, "application/json",
                "{\"error\":\"INTERNAL_ERROR\",\"message\":\"m\",\"status_code\":500}"), false)).isNotNull();
        assertThat(problem(answer(201, null, ""), false)).isNull();
    }
}
