package dev.pausepoint.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.systemtests.Http.Reply;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What each credential may do, endpoint by endpoint, through the real gateway and services: every
 * authenticated route × {the owner's live key, test key, session, and session naming the test world
 * ({@code PausePoint-Mode: test}), another developer's live and test key, no credential} → the status and code docs/trust-boundary.md promises. Every
 * resource named belongs to the owner, in the world the row says: a key of the other world and
 * another developer both get the resource's 404. A second test holds the table to the routes the
 * built services actually serve, so a new endpoint cannot go unjudged.
 */
@Order(7)
class AuthorizationMatrixSystemTest {

    /** The columns of the table, in this order. */
    enum Caller { LIVE_KEY, TEST_KEY, SESSION, TEST_SESSION, OTHER_LIVE_KEY, OTHER_TEST_KEY, NONE }

    /** What a row's call may change, and so what each of its cells gets new. */
    enum Scope {
        /** reads, and creates that disturb nobody: one world for every cell */
        SHARED,
        /** the call removes the resource it names: the same accounts, a new resource per cell */
        FRESH_RESOURCES,
        /** the call replaces a credential: new accounts per cell */
        FRESH_ACCOUNTS
    }

    record Expect(int status, String code) {
        @Override
        public String toString() {
            return code == null ? String.valueOf(status) : status + " " + code;
        }
    }

    /** An assertion on a cell's reply, given the world it ran in and who called. */
    @FunctionalInterface
    interface Check {
        void verify(World world, Caller caller, Reply reply);
    }

    private static final Check NOTHING = (world, caller, reply) -> { };

    record Row(String method, String route, Function<World, String> path, String body, Scope scope,
            List<Expect> expected, Check onSuccess, Check onRefusal) {

        Row body(String json) {
            return new Row(method, route, path, json, scope, expected, onSuccess, onRefusal);
        }

        Row scope(Scope changed) {
            return new Row(method, route, path, body, changed, expected, onSuccess, onRefusal);
        }

        /** One expectation per {@link Caller}, in its order. */
        Row expect(Expect... perCaller) {
            if (perCaller.length != Caller.values().length) {
                throw new IllegalArgumentException(route + ": one expectation per caller");
            }
            return new Row(method, route, path, body, scope, List.of(perCaller), onSuccess, onRefusal);
        }

        Row onSuccess(Check check) {
            return new Row(method, route, path, body, scope, expected, check, onRefusal);
        }

        Row onRefusal(Check check) {
            return new Row(method, route, path, body, scope, expected, onSuccess, check);
        }

        String name() {
            return method + " " + path.apply(new World.Placeholders()) + (body == null ? "" : " " + body);
        }
    }

    private static Row call(String method, String route, Function<World, String> path) {
        return new Row(method, route, path, null, Scope.SHARED, List.of(), NOTHING, NOTHING);
    }

    private static final Expect OK = new Expect(200, null);
    private static final Expect CREATED = new Expect(201, null);
    private static final Expect ACCEPTED = new Expect(202, null);
    private static final Expect NO_CONTENT = new Expect(204, null);
    private static final Expect NO_KEY = new Expect(401, "INVALID_API_KEY");
    private static final Expect WRONG_MODE = new Expect(403, "KEY_MODE_NOT_ALLOWED");
    /** Logging out with an API key: a key is not a session (the same code as a key acting beyond its mode). */
    private static final Expect NOT_A_SESSION = WRONG_MODE;
    private static final Expect NO_PAUSE = new Expect(404, "PAUSE_NOT_FOUND");
    private static final Expect NO_WEBHOOK = new Expect(404, "WEBHOOK_NOT_FOUND");
    private static final Expect INVALID = new Expect(422, "VALIDATION_ERROR");

    private static final String SMS_PAUSE = """
            {"recipient": "+14155550123", "channel": "sms", "message": "Deploy?", "options": ["Yes", "No"]}""";
    private static final String WEBHOOK = "{\"url\": \"http://" + SystemStack.RECEIVER_HOST
            + ":9/authorization-matrix\", \"secret\": \"matrix-secret-0123456789\", \"events\": [\"pause.responded\"]}";

    /**
     * Columns: LIVE_KEY, TEST_KEY, SESSION, TEST_SESSION, OTHER_LIVE_KEY, OTHER_TEST_KEY, NONE. Checkout asks for a
     * plan that is not sold, so an authorised caller gets the plan's 422 without Paddle being called.
     */
    static final List<Row> TABLE = List.of(
            call("GET", "/v1/auth/me", w -> "/v1/auth/me")
                    .expect(OK, OK, OK, OK, OK, OK, NO_KEY)
                    .onSuccess((w, c, r) -> assertThat(r.json().get("developer_id").asString())
                            .isEqualTo(w.developerId(c))),
            call("POST", "/v1/auth/keys/rotate", w -> "/v1/auth/keys/rotate").body("{}").scope(Scope.FRESH_ACCOUNTS)
                    .expect(OK, OK, OK, OK, OK, OK, NO_KEY)
                    .onSuccess(rotated(c -> w(c) == KeyMode.TEST ? "test" : "live")),
            call("POST", "/v1/auth/keys/rotate", w -> "/v1/auth/keys/rotate").body("{\"key_type\": \"live\"}")
                    .scope(Scope.FRESH_ACCOUNTS)
                    .expect(OK, WRONG_MODE, OK, OK, OK, WRONG_MODE, NO_KEY)
                    .onSuccess(rotated(c -> "live")),
            call("POST", "/v1/auth/keys/rotate", w -> "/v1/auth/keys/rotate").body("{\"key_type\": \"test\"}")
                    .scope(Scope.FRESH_ACCOUNTS)
                    .expect(WRONG_MODE, OK, OK, OK, WRONG_MODE, OK, NO_KEY)
                    .onSuccess(rotated(c -> "test")),
            call("POST", "/v1/billing/checkout", w -> "/v1/billing/checkout").body("{\"plan\": \"enterprise\"}")
                    .expect(INVALID, WRONG_MODE, INVALID, INVALID, INVALID, WRONG_MODE, NO_KEY),
            call("GET", "/v1/billing/subscription", w -> "/v1/billing/subscription")
                    .expect(OK, OK, OK, OK, OK, OK, NO_KEY),
            call("GET", "/v1/billing/plans", w -> "/v1/billing/plans")
                    .expect(OK, OK, OK, OK, OK, OK, NO_KEY),
            call("POST", "/v1/auth/logout", w -> w.signedIn("/v1/auth/logout")).scope(Scope.FRESH_ACCOUNTS)
                    .expect(NOT_A_SESSION, NOT_A_SESSION, NO_CONTENT, NO_CONTENT, NOT_A_SESSION, NOT_A_SESSION, NO_KEY)
                    .onSuccess((w, c, r) -> assertThat(send(w, c, "GET", "/v1/auth/me", null).status())
                            .as("the session ended").isEqualTo(401))
                    .onRefusal((w, c, r) -> assertThat(send(w.session(), "GET", "/v1/auth/me", null).status())
                            .as("the owner's session still works").isEqualTo(200)),

            call("POST", "/v1/pause", w -> "/v1/pause").body(SMS_PAUSE)
                    .expect(CREATED, CREATED, CREATED, CREATED, CREATED, CREATED, NO_KEY)
                    .onSuccess((w, c, r) -> assertThat(r.json().get("livemode").asBoolean())
                            .isEqualTo(w.modeOf(c) == KeyMode.LIVE)),
            call("GET", "/v1/pause/{}", w -> "/v1/pause/" + w.pause(KeyMode.LIVE))
                    .expect(OK, NO_PAUSE, OK, NO_PAUSE, NO_PAUSE, NO_PAUSE, NO_KEY)
                    .onSuccess(shows("pause_id", w -> w.pause(KeyMode.LIVE))),
            call("GET", "/v1/pause/{}", w -> "/v1/pause/" + w.pause(KeyMode.TEST))
                    .expect(NO_PAUSE, OK, NO_PAUSE, OK, NO_PAUSE, NO_PAUSE, NO_KEY)
                    .onSuccess(shows("pause_id", w -> w.pause(KeyMode.TEST))),
            call("GET", "/v1/pause/{}", w -> "/v1/pause/" + w.pause(KeyMode.LIVE) + "?wait=1")
                    .expect(OK, NO_PAUSE, OK, NO_PAUSE, NO_PAUSE, NO_PAUSE, NO_KEY)
                    .onSuccess(shows("pause_id", w -> w.pause(KeyMode.LIVE))),
            call("GET", "/v1/pause/{}", w -> "/v1/pause/" + w.pause(KeyMode.TEST) + "?wait=1")
                    .expect(NO_PAUSE, OK, NO_PAUSE, OK, NO_PAUSE, NO_PAUSE, NO_KEY)
                    .onSuccess(shows("pause_id", w -> w.pause(KeyMode.TEST))),
            call("GET", "/v1/pause", w -> w.havingBoth(World::pause, "/v1/pause?limit=100"))
                    .expect(OK, OK, OK, OK, OK, OK, NO_KEY)
                    .onSuccess(listsOnlyItsOwn("pause_id", World::pause)),
            call("DELETE", "/v1/pause/{}", w -> "/v1/pause/" + w.pause(KeyMode.LIVE)).scope(Scope.FRESH_RESOURCES)
                    .expect(OK, NO_PAUSE, OK, NO_PAUSE, NO_PAUSE, NO_PAUSE, NO_KEY)
                    .onSuccess((w, c, r) -> assertThat(r.json().get("status").asString()).isEqualTo("cancelled"))
                    .onRefusal(stillPending(KeyMode.LIVE)),
            call("DELETE", "/v1/pause/{}", w -> "/v1/pause/" + w.pause(KeyMode.TEST)).scope(Scope.FRESH_RESOURCES)
                    .expect(NO_PAUSE, OK, NO_PAUSE, OK, NO_PAUSE, NO_PAUSE, NO_KEY)
                    .onSuccess((w, c, r) -> assertThat(r.json().get("status").asString()).isEqualTo("cancelled"))
                    .onRefusal(stillPending(KeyMode.TEST)),

            call("POST", "/v1/webhooks", w -> "/v1/webhooks").body(WEBHOOK)
                    .expect(CREATED, CREATED, CREATED, CREATED, CREATED, CREATED, NO_KEY),
            call("GET", "/v1/webhooks", w -> w.havingBoth(World::webhook, "/v1/webhooks"))
                    .expect(OK, OK, OK, OK, OK, OK, NO_KEY)
                    .onSuccess(listsOnlyItsOwn("webhook_id", World::webhook)),
            call("DELETE", "/v1/webhooks/{}", w -> "/v1/webhooks/" + w.webhook(KeyMode.LIVE))
                    .scope(Scope.FRESH_RESOURCES)
                    .expect(NO_CONTENT, NO_WEBHOOK, NO_CONTENT, NO_WEBHOOK, NO_WEBHOOK, NO_WEBHOOK, NO_KEY)
                    .onSuccess(webhookListed(KeyMode.LIVE, false)).onRefusal(webhookListed(KeyMode.LIVE, true)),
            call("DELETE", "/v1/webhooks/{}", w -> "/v1/webhooks/" + w.webhook(KeyMode.TEST))
                    .scope(Scope.FRESH_RESOURCES)
                    .expect(NO_WEBHOOK, NO_CONTENT, NO_WEBHOOK, NO_CONTENT, NO_WEBHOOK, NO_WEBHOOK, NO_KEY)
                    .onSuccess(webhookListed(KeyMode.TEST, false)).onRefusal(webhookListed(KeyMode.TEST, true)),
            call("GET", "/v1/webhooks/{}/deliveries", w -> "/v1/webhooks/" + w.webhook(KeyMode.LIVE) + "/deliveries")
                    .expect(OK, NO_WEBHOOK, OK, NO_WEBHOOK, NO_WEBHOOK, NO_WEBHOOK, NO_KEY),
            call("GET", "/v1/webhooks/{}/deliveries", w -> "/v1/webhooks/" + w.webhook(KeyMode.TEST) + "/deliveries")
                    .expect(NO_WEBHOOK, OK, NO_WEBHOOK, OK, NO_WEBHOOK, NO_WEBHOOK, NO_KEY),

            call("POST", "/v1/webhooks/{}/test", w -> "/v1/webhooks/" + w.webhook(KeyMode.LIVE) + "/test")
                    .scope(Scope.FRESH_RESOURCES)
                    .expect(ACCEPTED, NO_WEBHOOK, ACCEPTED, NO_WEBHOOK, NO_WEBHOOK, NO_WEBHOOK, NO_KEY)
                    .onSuccess((w, c, r) -> assertThat(r.json().get("event").asString()).isEqualTo("webhook.test")),
            call("POST", "/v1/webhooks/{}/test", w -> "/v1/webhooks/" + w.webhook(KeyMode.TEST) + "/test")
                    .scope(Scope.FRESH_RESOURCES)
                    .expect(NO_WEBHOOK, ACCEPTED, NO_WEBHOOK, ACCEPTED, NO_WEBHOOK, NO_WEBHOOK, NO_KEY),
            call("GET", "/v1/deliveries", w -> "/v1/deliveries?pause_id=" + w.pause(KeyMode.LIVE))
                    .expect(OK, OK, OK, OK, OK, OK, NO_KEY)
                    .onSuccess(deliveriesShowOnlyToItsOwnWorld(KeyMode.LIVE)),
            call("GET", "/v1/deliveries", w -> "/v1/deliveries?pause_id=" + w.pause(KeyMode.TEST))
                    .expect(OK, OK, OK, OK, OK, OK, NO_KEY)
                    .onSuccess(deliveriesShowOnlyToItsOwnWorld(KeyMode.TEST)),

            call("GET", "/v1/stats/pauses", w -> w.havingBoth(World::pause, "/v1/stats/pauses?days=2"))
                    .scope(Scope.FRESH_ACCOUNTS)
                    .expect(OK, OK, OK, OK, OK, OK, NO_KEY)
                    .onSuccess(countsOnlyItsOwnWorld()),
            call("GET", "/v1/audit/export", w -> "/v1/audit/export?format=ndjson&from_date=2026-01-01&to_date=2099-12-31"
                    + "&pause_id=" + w.auditedPause(KeyMode.TEST))
                    .expect(OK, OK, OK, OK, OK, OK, NO_KEY)
                    .onSuccess((w, c, r) -> {
                        if (w.isOwner(c) && w.modeOf(c) == KeyMode.TEST) {
                            assertThat(r.body()).contains(w.pause(KeyMode.TEST));
                        } else {
                            assertThat(r.body()).as("another world's or developer's entries").isEmpty();
                        }
                    }),
            call("GET", "/v1/audit", w -> "/v1/audit")
                    .expect(OK, OK, OK, OK, OK, OK, NO_KEY),
            call("GET", "/v1/audit", w -> "/v1/audit?pause_id=" + w.auditedPause(KeyMode.LIVE))
                    .expect(OK, OK, OK, OK, OK, OK, NO_KEY)
                    .onSuccess(auditShowsThePauseOnlyToItsOwnWorld(KeyMode.LIVE)),
            call("GET", "/v1/audit", w -> "/v1/audit?pause_id=" + w.auditedPause(KeyMode.TEST))
                    .expect(OK, OK, OK, OK, OK, OK, NO_KEY)
                    .onSuccess(auditShowsThePauseOnlyToItsOwnWorld(KeyMode.TEST)));

    /**
     * Routes that take no credential, judged elsewhere: sign-up, login and password reset; Paddle's,
     * Twilio's and SendGrid's signed callbacks; the human's response routes; {@code /health}.
     */
    static final Set<String> UNAUTHENTICATED = Set.of(
            "POST /v1/auth/register", "POST /v1/auth/login", "POST /v1/auth/password-reset",
            "POST /v1/auth/password-reset/confirm", "GET /reset-password", "POST /reset-password",
            "POST /v1/billing/webhook", "POST /v1/providers/twilio/status", "POST /v1/providers/sendgrid/events",
            "GET /respond/{}", "POST /respond/{}", "GET /v1/respond/{}", "POST /v1/respond/{}", "GET /health",
            "GET /v1/openapi.json", "GET /docs", "GET /docs/{}");

    @Test
    void theTableCoversEveryRouteTheServicesServe() {
        Set<String> judged = new TreeSet<>(UNAUTHENTICATED);
        TABLE.forEach(row -> judged.add(row.method() + " " + row.route()));
        // /internal/** is never routed; the dashboard's pages are no API route (DashboardFormsSystemTest and
        // DashboardBrowserSystemTest hold them, and each API call they make is a row here).
        Set<String> served = ServedRoutes.ofEveryService().stream().filter(route -> !route.contains(" /internal/")
                && !route.contains(" /dashboard")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(judged).as("every served public route is in the table or named as unauthenticated, and nothing else")
                .isEqualTo(served);
    }

    @Test
    void everyAuthenticatedEndpointAnswersEachCredentialAsTheTableSays() {
        World shared = new World();
        Map<String, Map<Caller, String>> outcomes = new LinkedHashMap<>();
        SoftAssertions softly = new SoftAssertions();
        for (Row row : TABLE) {
            for (Caller caller : Caller.values()) {
                World world = switch (row.scope()) {
                    case SHARED -> shared;
                    case FRESH_RESOURCES -> shared.withNewResources();
                    case FRESH_ACCOUNTS -> new World();
                };
                String path = row.path().apply(world);
                Reply reply = send(world, caller, row.method(), path, row.body());
                Expect expected = row.expected().get(caller.ordinal());
                String cell = row.name() + " as " + caller;
                JsonNode body = reply.body().isEmpty() || !reply.body().startsWith("{") ? null : reply.json();
                String code = body == null || !body.has("error") ? null : body.get("error").asString();
                outcomes.computeIfAbsent(row.name(), name -> new EnumMap<>(Caller.class))
                        .put(caller, new Expect(reply.status(), code).toString());
                softly.assertThat(new Expect(reply.status(), code)).as(cell + ": " + reply.body()).isEqualTo(expected);
                if (reply.status() == expected.status()) {
                    if (code != null) {
                        softly.assertThat(body.get("status_code").asInt()).as(cell + " envelope")
                                .isEqualTo(reply.status());
                    }
                    Check check = expected.code() == null ? row.onSuccess() : row.onRefusal();
                    softly.check(() -> {
                        try {
                            check.verify(world, caller, reply);
                        } catch (AssertionError e) {
                            throw new AssertionError(cell + ": " + e.getMessage(), e);
                        }
                    });
                }
            }
        }
        System.out.println(table(outcomes));
        softly.assertAll();
    }

    // ---------------------------------------------------------------- checks

    /** The answer is a new key of {@code keyType} that works and belongs to the caller. */
    private static Check rotated(Function<Caller, String> keyType) {
        return (w, c, r) -> {
            String key = r.json().get("api_key").asString();
            assertThat(r.json().get("key_type").asString()).isEqualTo(keyType.apply(c));
            assertThat(key).startsWith("pp_" + keyType.apply(c) + "_");
            assertThat(send(key, "GET", "/v1/auth/me", null).json().get("developer_id").asString())
                    .as("the new key's account").isEqualTo(w.developerId(c));
        };
    }

    private static Check shows(String field, Function<World, String> id) {
        return (w, c, r) -> assertThat(r.json().get(field).asString()).isEqualTo(id.apply(w));
    }

    /** A list shows the owner's resource of a world to the owner's key of that world, and to no one else. */
    private static Check listsOnlyItsOwn(String field, BiFunction<World, KeyMode, String> resource) {
        return (w, c, r) -> {
            List<String> ids = ids(r.json().get("items"), field);
            for (KeyMode mode : KeyMode.values()) {
                String id = resource.apply(w, mode);
                if (w.isOwner(c) && w.modeOf(c) == mode) {
                    assertThat(ids).as(mode + " resource").contains(id);
                } else {
                    assertThat(ids).as(mode + " resource").doesNotContain(id);
                }
            }
        };
    }

    private static Check stillPending(KeyMode mode) {
        return (w, c, r) -> assertThat(send(w.ownerKey(mode), "GET", "/v1/pause/" + w.pause(mode), null).json()
                .get("status").asString()).as("the refused cancel changed nothing").isEqualTo("pending");
    }

    private static Check webhookListed(KeyMode mode, boolean listed) {
        return (w, c, r) -> {
            Reply list = send(w.ownerKey(mode), "GET", "/v1/webhooks", null);
            List<String> ids = ids(list.json().get("items"), "webhook_id");
            if (listed) {
                assertThat(ids).as("the refused delete changed nothing").contains(w.webhook(mode));
            } else {
                assertThat(ids).doesNotContain(w.webhook(mode));
            }
        };
    }

    /** Filtered by a pause, the owner's key of its world sees its entries; every other key sees none. */
    private static Check auditShowsThePauseOnlyToItsOwnWorld(KeyMode mode) {
        return (w, c, r) -> {
            List<String> pauses = ids(r.json().get("items"), "pause_request_id");
            if (w.isOwner(c) && w.modeOf(c) == mode) {
                assertThat(pauses).isNotEmpty().containsOnly(w.pause(mode));
            } else {
                assertThat(pauses).isEmpty();
            }
        };
    }

    /**
     * A pause's deliveries: the owner in its world sees its notification once delivery-service has it (it
     * comes by event); every other caller an empty answer, never another's.
     */
    private static Check deliveriesShowOnlyToItsOwnWorld(KeyMode mode) {
        return (w, c, r) -> {
            if (w.isOwner(c) && w.modeOf(c) == mode) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                        assertThat(send(w, c, "GET", "/v1/deliveries?pause_id=" + w.pause(mode), null).json()
                                .get("notifications")).isNotEmpty());
            } else {
                assertThat(r.json().get("notifications")).isEmpty();
                assertThat(r.json().get("webhook_deliveries")).isEmpty();
            }
        };
    }

    /** Today's count holds the owner's pause of the caller's world, and nobody else's pauses. */
    private static Check countsOnlyItsOwnWorld() {
        return (w, c, r) -> {
            JsonNode days = r.json().get("days");
            long created = 0;
            for (int i = 0; i < days.size(); i++) {
                created += days.get(i).get("created").asLong();
            }
            assertThat(created).as("pauses counted for " + c).isEqualTo(w.isOwner(c) ? 1 : 0);
        };
    }

    private static List<String> ids(JsonNode items, String field) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ids.add(items.get(i).get(field).asString());
        }
        return ids;
    }

    // ---------------------------------------------------------------- the world

    /** A registered developer: id, email, and the two keys as registration answered them. */
    record Account(String developerId, String email, String live, String test) {

        static final String PASSWORD = "a long enough password";

        static Account register() {
            String email = "matrix-" + UUID.randomUUID() + "@example.com";
            Reply reply = Http.postJson("/v1/auth/register",
                    "{\"email\":\"" + email + "\",\"name\":\"M\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(reply.status()).as("register: " + reply.body()).isEqualTo(201);
            return new Account(reply.json().get("developer_id").asString(), email,
                    reply.json().get("api_key").asString(), reply.json().get("test_api_key").asString());
        }

        String login() {
            Reply reply = Http.postJson("/v1/auth/login",
                    "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(reply.status()).as("login: " + reply.body()).isEqualTo(200);
            return reply.json().get("session_token").asString();
        }
    }

    /**
     * The owner (whose resources every row names), the owner's session, another developer, and the
     * owner's pauses and webhooks in each world; each is made on first use, so a cell pays only for
     * what it touches.
     */
    static class World {
        private Account owner;
        private Account other;
        private String session;
        private final Map<String, String> resources = new HashMap<>();
        private final Set<String> audited = new HashSet<>();

        Account owner() {
            if (owner == null) {
                owner = Account.register();
            }
            return owner;
        }

        Account other() {
            if (other == null) {
                other = Account.register();
            }
            return other;
        }

        String session() {
            if (session == null) {
                session = owner().login();
            }
            return session;
        }

        /** {@code path}, once the owner has a session that a call could end. */
        String signedIn(String path) {
            session();
            return path;
        }

        /** The same developers and session, with none of the resources made so far. */
        World withNewResources() {
            World fresh = new World();
            fresh.owner = owner();
            fresh.other = other();
            fresh.session = session();
            return fresh;
        }

        String ownerKey(KeyMode mode) {
            return mode == KeyMode.LIVE ? owner().live() : owner().test();
        }

        String pause(KeyMode mode) {
            return resources.computeIfAbsent(mode + " pause", name -> created(
                    send(ownerKey(mode), "POST", "/v1/pause", SMS_PAUSE), "pause_id"));
        }

        String webhook(KeyMode mode) {
            return resources.computeIfAbsent(mode + " webhook", name -> created(
                    send(ownerKey(mode), "POST", "/v1/webhooks", WEBHOOK), "webhook_id"));
        }

        /** {@code path}, once the owner has a {@code resource} in each world for a list to show or hide. */
        String havingBoth(BiFunction<World, KeyMode, String> resource, String path) {
            for (KeyMode mode : KeyMode.values()) {
                resource.apply(this, mode);
            }
            return path;
        }

        /** The owner's pause of {@code mode} once the owner's audit log shows its creation (it comes by event). */
        String auditedPause(KeyMode mode) {
            String pause = pause(mode);
            if (audited.add(pause)) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                        assertThat(send(ownerKey(mode), "GET", "/v1/audit?pause_id=" + pause, null).json().get("items"))
                                .isNotEmpty());
            }
            return pause;
        }

        String credential(Caller caller) {
            return switch (caller) {
                case LIVE_KEY -> owner().live();
                case TEST_KEY -> owner().test();
                case SESSION, TEST_SESSION -> session();
                case OTHER_LIVE_KEY -> other().live();
                case OTHER_TEST_KEY -> other().test();
                case NONE -> null;
            };
        }

        boolean isOwner(Caller caller) {
            return caller == Caller.LIVE_KEY || caller == Caller.TEST_KEY || caller == Caller.SESSION
                    || caller == Caller.TEST_SESSION;
        }

        String developerId(Caller caller) {
            return caller == Caller.NONE ? null : isOwner(caller) ? owner().developerId() : other().developerId();
        }

        /** The world a caller acts in; a session acts in the one its {@code PausePoint-Mode} names. */
        KeyMode modeOf(Caller caller) {
            return w(caller);
        }

        private static String created(Reply reply, String field) {
            assertThat(reply.status()).as("setting up: " + reply.body()).isEqualTo(201);
            return reply.json().get(field).asString();
        }

        /** Names in place of ids, for describing a row without making anything. */
        static final class Placeholders extends World {
            @Override
            String pause(KeyMode mode) {
                return "{" + mode.wire() + " pause}";
            }

            @Override
            String webhook(KeyMode mode) {
                return "{" + mode.wire() + " webhook}";
            }

            @Override
            String auditedPause(KeyMode mode) {
                return pause(mode);
            }

            @Override
            String signedIn(String path) {
                return path;
            }
        }
    }

    /** The world a caller acts in: its key's, or the one its session names (live when it names none). */
    static KeyMode w(Caller caller) {
        return caller == Caller.TEST_KEY || caller == Caller.OTHER_TEST_KEY || caller == Caller.TEST_SESSION
                ? KeyMode.TEST : KeyMode.LIVE;
    }

    private static Reply send(World world, Caller caller, String method, String path, String json) {
        return send(world.credential(caller), method, path, json, caller == Caller.TEST_SESSION);
    }

    private static Reply send(String credential, String method, String path, String json) {
        return send(credential, method, path, json, false);
    }

    private static Reply send(String credential, String method, String path, String json, boolean testSession) {
        List<String> headers = new ArrayList<>();
        if (credential != null) {
            headers.addAll(List.of("Authorization", "Bearer " + credential));
        }
        if (testSession) {
            headers.addAll(List.of("PausePoint-Mode", "test"));
        }
        if (json != null) {
            headers.addAll(List.of("Content-Type", "application/json"));
        }
        return Http.send(method, path, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json),
                headers.toArray(String[]::new));
    }

    private static String table(Map<String, Map<Caller, String>> outcomes) {
        StringBuilder out = new StringBuilder("| endpoint | " + Arrays.stream(Caller.values()).map(Enum::name)
                .collect(Collectors.joining(" | ")) + " |\n|---" + "|---".repeat(Caller.values().length) + "|\n");
        outcomes.forEach((row, cells) -> out.append("| `").append(row).append("` | ")
                .append(cells.values().stream().collect(Collectors.joining(" | "))).append(" |\n"));
        return out.toString();
    }
}
