package dev.pausepoint.systemtests.scaleout;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.localstack.Service;
import dev.pausepoint.localstack.ServiceFleet;
import dev.pausepoint.localstack.ServiceFleet.Instance;
import dev.pausepoint.systemtests.Http;
import dev.pausepoint.systemtests.Http.Reply;
import dev.pausepoint.testsupport.PaddleNotifications;
import dev.pausepoint.testsupport.PostgresAccess;
import dev.pausepoint.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Every flow of the system suite at once through both gateways of a {@link ScaledStack}: developers
 * register, rotate keys, add webhooks and upgrade through Paddle; pauses are created in live and test
 * mode (SMS to Twilio, email to SendGrid, both WireMock), then answered through the JSON API and the
 * page, long-polled, cancelled or timed out, each step on one gateway or the other. Afterwards nothing was
 * lost (every pause in its expected end state), nothing happened twice (one notification per pause, one
 * webhook per endpoint and event after deduplication, one audit entry per event), and both instances of
 * every service took part.
 */
@Tag(ScaleOutSystemTest.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutSystemTest {

    /** The suite's JUnit tag: it runs only in system-tests' surefire execution {@code scale-out}. */
    static final String TAG = "scale-out";

    private static final int DEVELOPERS = 6;
    private static final int PAUSES_PER_DEVELOPER = 10;
    private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");
    private static final Pattern PAUSE_ID = Pattern.compile("\"pause_id\":\"([^\"]+)\"");
    /** The services' consumer groups: each pause event is handled in each of them by one instance. */
    private static final List<String> CONSUMER_GROUPS = List.of("delivery-service-notifications",
            "delivery-service-webhooks", "pause-service", "pause-service-audit");

    enum Fate {
        RESPOND_API("responded", "pause.responded"), RESPOND_PAGE("responded", "pause.responded"),
        LONG_POLL("responded", "pause.responded"), CANCEL("cancelled", "pause.cancelled"),
        TIMEOUT("timed_out", "pause.timed_out");

        final String status;
        final String event;

        Fate(String status, String event) {
            this.status = status;
            this.event = event;
        }
    }

    /** A developer, its keys after the rotation, and its two webhooks (a live and a test one). */
    record Account(int number, String developerId, String live, String test, boolean starter, Webhook liveHook,
            Webhook testHook) {

        String key(boolean liveMode) {
            return liveMode ? live : test;
        }

        Webhook hook(boolean liveMode) {
            return liveMode ? liveHook : testHook;
        }
    }

    /** A webhook endpoint: its id, and the path its receiver listens on. */
    record Webhook(String id, String path) {
    }

    /** A pause the workload created, what it was sent through, and how it was meant to end. */
    record Created(Account account, boolean live, String channel, String marker, String pauseId, String token,
            Fate fate) {
    }

    private static ServiceFleet fleet;
    private static List<URI> gateways;
    private static final List<Account> ACCOUNTS = new ArrayList<>();
    private static final Collection<Created> PAUSES = new ConcurrentLinkedQueue<>();
    private static final List<String> PADDLE_OUTCOMES = new ArrayList<>();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(8);
    private static final AtomicInteger RETRIED = new AtomicInteger();

    @BeforeAll
    static void runTheWorkloadThroughBothGateways() throws Exception {
        fleet = ScaledStack.fleet();
        gateways = fleet.gatewayUrls();
        long start = System.nanoTime();
        List<Account> registered = inParallel(IntStream.range(0, DEVELOPERS).boxed().toList(),
                ScaleOutSystemTest::registerRotateAndHook);
        ACCOUNTS.addAll(registered);
        upgradeHalfThroughPaddleOnBothGateways();
        List<CompletableFuture<Created>> lifecycles = new ArrayList<>();
        for (Account account : ACCOUNTS) {
            for (int i = 0; i < PAUSES_PER_DEVELOPER; i++) {
                int n = i;
                lifecycles.add(CompletableFuture.supplyAsync(() -> live(account, n), POOL));
            }
        }
        lifecycles.forEach(lifecycle -> PAUSES.add(lifecycle.join()));
        expire(PAUSES.stream().filter(pause -> pause.fate() == Fate.TIMEOUT).map(Created::pauseId).toList());
        awaitEveryPauseEnded();
        awaitSettled();
        System.out.println("Scale-out workload: " + PAUSES.size() + " pauses of " + ACCOUNTS.size()
                + " developers driven in " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s; "
                + RETRIED.get() + " calls answered 503 were tried again");
    }

    @AfterAll
    static void stopThePool() {
        POOL.shutdownNow();
    }

    private static <T, R> List<R> inParallel(List<T> inputs, Function<T, R> work) {
        List<CompletableFuture<R>> futures = inputs.stream()
                .map(input -> CompletableFuture.supplyAsync(() -> work.apply(input), POOL)).toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    /** The gateway for the {@code n}th step: the two take turns. */
    private static URI gateway(int n) {
        return gateways.get(Math.floorMod(n, gateways.size()));
    }

    /**
     * A call with an API key, as a well-behaved client makes it: a 503 (on two shared cores, a credential
     * lookup can outlast its 2 s) is tried again after a pause, a create with its {@code Idempotency-Key},
     * so no retry can make anything twice. Retries are counted and printed.
     */
    private static Reply as(URI gateway, String key, String method, String path, String json) {
        List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + key));
        if (json != null) {
            headers.addAll(List.of("Content-Type", "application/json"));
        }
        if (method.equals("POST") && path.equals("/v1/pause")) {
            headers.addAll(List.of("Idempotency-Key", UUID.randomUUID().toString()));
        }
        BodyPublisher body = json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json);
        return retryingUnavailable(() -> Http.send(gateway, method, path, body, headers.toArray(String[]::new)));
    }

    private static Reply retryingUnavailable(Supplier<Reply> call) {
        Reply reply = call.get();
        for (int attempt = 1; attempt <= 5 && reply.status() == 503; attempt++) {
            RETRIED.incrementAndGet();
            System.out.println("503, tried again: " + reply.body());
            sleep(Duration.ofMillis(500L * attempt));
            reply = call.get();
        }
        return reply;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode expect(int status, Reply reply, String what) {
        assertThat(reply.status()).as(what + ": " + reply.body()).isEqualTo(status);
        return reply.json();
    }

    /** Registers on one gateway, rotates the live key on the other, and adds a live and a test webhook. */
    private static Account registerRotateAndHook(int number) {
        JsonNode registered = expect(201, Http.send(gateway(number), "POST", "/v1/auth/register",
                BodyPublishers.ofString("{\"email\":\"scale-" + UUID.randomUUID() + "@example.com\",\"name\":\"S\","
                        + "\"password\":\"a long enough password\"}"), "Content-Type", "application/json"), "register");
        String oldLive = registered.get("api_key").asString();
        String test = registered.get("test_api_key").asString();
        String developerId = expect(200, as(gateway(number + 1), oldLive, "GET", "/v1/auth/me", null), "me")
                .get("developer_id").asString();
        String live = expect(200, as(gateway(number + 1), oldLive, "POST", "/v1/auth/keys/rotate", "{}"), "rotate")
                .get("api_key").asString();
        // Whichever gateway cached the old key hears of the rotation from Kafka; neither may accept it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (URI gateway : gateways) {
                assertThat(as(gateway, oldLive, "GET", "/v1/auth/me", null).status()).isEqualTo(401);
                assertThat(as(gateway, live, "GET", "/v1/auth/me", null).status()).isEqualTo(200);
            }
        });
        Webhook liveHook = addWebhook(gateway(number), live, "/hooks/" + number + "-live-" + UUID.randomUUID());
        Webhook testHook = addWebhook(gateway(number + 1), test, "/hooks/" + number + "-test-" + UUID.randomUUID());
        return new Account(number, developerId, live, test, number % 2 == 0, liveHook, testHook);
    }

    private static Webhook addWebhook(URI gateway, String key, String path) {
        String url = "http://" + ScaledStack.RECEIVER_HOST + ":" + ScaledStack.outside().port() + path;
        JsonNode created = expect(201, as(gateway, key, "POST", "/v1/webhooks", "{\"url\": \"" + url + "\", "
                + "\"secret\": \"whsec-scale-out-0123456789\", \"events\": [\"pause.responded\", "
                + "\"pause.timed_out\", \"pause.cancelled\"]}"), "webhook");
        return new Webhook(created.get("webhook_id").asString(), path);
    }

    /** The same signed Paddle notification to both gateways at once, for every other developer. */
    private static void upgradeHalfThroughPaddleOnBothGateways() {
        for (Account account : ACCOUNTS.stream().filter(Account::starter).toList()) {
            Instant now = Instant.now();
            String subscription = "sub_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26);
            Map<String, String> values = PaddleNotifications.values(account.developerId(), subscription,
                    ScaledStack.STARTER_PRICE, now, now, now.plus(Duration.ofDays(30)));
            String body = PaddleNotifications.body("subscription.created", values);
            String signature = PaddleNotifications.signed(body, PaddleNotifications.SECRET, now).signature();
            List<Reply> replies = inParallel(gateways, gateway -> Http.send(gateway, "POST", "/v1/billing/webhook",
                    BodyPublishers.ofString(body), "Content-Type", "application/json", "Paddle-Signature", signature));
            replies.forEach(reply -> PADDLE_OUTCOMES.add(expect(200, reply, "paddle").get("outcome").asString()));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                for (URI gateway : gateways) {
                    assertThat(as(gateway, account.live(), "GET", "/v1/auth/me", null).json().get("plan").asString())
                            .isEqualTo("starter");
                }
            });
        }
    }

    /** One pause from creation to the end its number gives it, its steps spread over both gateways. */
    private static Created live(Account account, int n) {
        boolean liveMode = n % 2 == 0;
        String channel = liveMode && account.starter() && n % 4 == 0 ? "email" : "sms";
        Fate fate = Fate.values()[n % Fate.values().length];
        String marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String recipient = channel.equals("email") ? "ops-" + marker + "@example.com" : "+14155550123";
        URI here = gateway(account.number() + n);
        URI there = gateway(account.number() + n + 1);
        String key = account.key(liveMode);
        JsonNode created = expect(201, as(here, key, "POST", "/v1/pause", """
                {"recipient": "%s", "channel": "%s", "message": "Deploy build %s?", "options": ["Yes", "No"],
                 "timeout_default": "No"}""".formatted(recipient, channel, marker)), "create");
        String pauseId = created.get("pause_id").asString();
        String respondUrl = created.get("respond_url").asString();
        String token = respondUrl.substring(respondUrl.lastIndexOf('/') + 1);
        switch (fate) {
            case RESPOND_API -> respond(there, token);
            case RESPOND_PAGE -> {
                Reply confirm = Http.send(here, "GET", "/respond/" + token + "?choice=Yes", BodyPublishers.noBody());
                Matcher nonce = NONCE.matcher(confirm.body());
                assertThat(nonce.find()).as("a confirmation form: " + confirm.body()).isTrue();
                Reply thanks = Http.send(there, "POST", "/respond/" + token, BodyPublishers.ofString("choice=Yes&nonce="
                        + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8)),
                        "Content-Type", "application/x-www-form-urlencoded");
                assertThat(thanks.status()).as(thanks.body()).isEqualTo(200);
                assertThat(thanks.body()).contains("Thank you");
            }
            case LONG_POLL -> {
                CompletableFuture<Reply> parked = CompletableFuture.supplyAsync(
                        () -> as(here, key, "GET", "/v1/pause/" + pauseId + "?wait=25", null));
                await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !parked.isDone());
                respond(there, token);
                JsonNode answered = expect(200, parked.join(), "long-poll");
                assertThat(answered.get("status").asString()).as("the long-poll on the other gateway woke")
                        .isEqualTo("responded");
            }
            case CANCEL -> expect(200, as(there, key, "DELETE", "/v1/pause/" + pauseId, null), "cancel");
            case TIMEOUT -> {
                // Expired together once every pause is created (see the caller): the sweepers of both
                // instances then race for them.
            }
        }
        return new Created(account, liveMode, channel, marker, pauseId, token, fate);
    }

    private static void respond(URI gateway, String token) {
        expect(200, Http.send(gateway, "POST", "/v1/respond/" + token, BodyPublishers.ofString("{\"choice\": \"Yes\"}"),
                "Content-Type", "application/json"), "respond");
    }

    private static void expire(List<String> ids) throws Exception {
        PostgresAccess postgres = TestInfrastructure.postgres();
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("pause_service"), postgres.username(),
                postgres.password());
                PreparedStatement expire = db.prepareStatement(
                        "UPDATE pause SET expires_at = now() WHERE id = ANY(?)")) {
            expire.setArray(1, db.createArrayOf("text", ids.toArray()));
            assertThat(expire.executeUpdate()).isEqualTo(ids.size());
        }
    }

    /** The timeouts are the sweepers' to make, within a second or so of the expiry. */
    private static void awaitEveryPauseEnded() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> PAUSES.stream()
                .allMatch(pause -> !read(pause).get("status").asString().equals("pending")));
    }

    private static JsonNode read(Created pause) {
        return expect(200, as(gateway(pause.pauseId().hashCode()), pause.account().key(pause.live()), "GET",
                "/v1/pause/" + pause.pauseId(), null), "read");
    }

    /**
     * Until nothing is left to do anywhere: no outbox row unpublished, no event unconsumed in any group, no
     * notification or webhook pending; twice in a row, a second apart, since one stage feeds the next.
     * From then on nothing more can arrive, so the counts below are final: a duplicate would be among them.
     */
    private static void awaitSettled() {
        AtomicInteger quietChecks = new AtomicInteger();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String busy = unsettled();
            quietChecks.set(busy.isEmpty() ? quietChecks.get() + 1 : 0);
            return quietChecks.get() >= 2;
        });
    }

    /** What still has work queued, or empty. */
    private static String unsettled() throws Exception {
        PostgresAccess postgres = TestInfrastructure.postgres();
        for (Service service : List.of(Service.PAUSE, Service.DELIVERY, Service.BILLING)) {
            if (count(postgres, service.database(), "SELECT count(*) FROM outbox_event") > 0) {
                return service.moduleName() + " outbox";
            }
        }
        if (count(postgres, Service.DELIVERY.database(), "SELECT (SELECT count(*) FROM notification WHERE status = "
                + "'pending') + (SELECT count(*) FROM webhook_delivery WHERE status = 'pending')") > 0) {
            return "pending notifications or webhooks";
        }
        try (Admin admin = admin()) {
            for (String group : CONSUMER_GROUPS) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
                for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                    if (ends.get(entry.getKey()).offset() > entry.getValue().offset()) {
                        return group + " behind on " + entry.getKey();
                    }
                }
            }
        }
        return "";
    }

    private static long count(PostgresAccess postgres, String database, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(),
                postgres.password());
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()));
    }

    @Test
    void everyPauseCreatedExistsInItsExpectedEndState() {
        assertThat(PAUSES).hasSize(DEVELOPERS * PAUSES_PER_DEVELOPER);
        for (Created pause : PAUSES) {
            JsonNode current = read(pause);
            assertThat(current.get("status").asString()).as(pause.pauseId()).isEqualTo(pause.fate().status);
            if (pause.fate() != Fate.CANCEL) {
                assertThat(current.get("response_choice").asString()).as(pause.pauseId())
                        .isEqualTo(pause.fate() == Fate.TIMEOUT ? "No" : "Yes");
            }
        }
        for (Account account : ACCOUNTS) {
            for (boolean liveMode : List.of(true, false)) {
                JsonNode listed = expect(200, as(gateway(account.number()), account.key(liveMode), "GET",
                        "/v1/pause?limit=100", null), "list").get("items");
                Set<String> ids = new HashSet<>();
                listed.forEach(item -> ids.add(item.get("pause_id").asString()));
                assertThat(ids).as("developer %d, live %s", account.number(), liveMode).isEqualTo(PAUSES.stream()
                        .filter(pause -> pause.account() == account && pause.live() == liveMode)
                        .map(Created::pauseId).collect(Collectors.toSet()));
            }
        }
    }

    @Test
    void everyLivePauseSentItsOneNotificationAndNoTestPauseReachedAProvider() {
        List<LoggedRequest> sent = providerRequests();
        for (Created pause : PAUSES) {
            long mentions = sent.stream().filter(request -> request.getBodyAsString().contains(pause.marker())).count();
            assertThat(mentions).as("notifications of %s (%s, live %s)", pause.pauseId(), pause.channel(),
                    pause.live()).isEqualTo(pause.live() ? 1 : 0);
            assertThat(read(pause).get("delivery").get("status").asString()).as(pause.pauseId())
                    .isEqualTo(pause.live() ? "sent" : "sandbox");
        }
        assertThat(PAUSES.stream().filter(pause -> pause.live() && pause.channel().equals("email"))).isNotEmpty();
    }

    private static List<LoggedRequest> providerRequests() {
        List<LoggedRequest> sent = new ArrayList<>(ScaledStack.outside().findAll(
                postRequestedFor(urlEqualTo(ScaledStack.TWILIO_MESSAGES))));
        sent.addAll(ScaledStack.outside().findAll(postRequestedFor(urlEqualTo(ScaledStack.SENDGRID_SEND))));
        return sent;
    }

    @Test
    void everyEndReachedEachWebhookOnceAfterDeduplicationByDeliveryId() {
        for (Account account : ACCOUNTS) {
            for (boolean liveMode : List.of(true, false)) {
                Map<String, Set<String>> deliveryIds = new HashMap<>();
                for (LoggedRequest post : ScaledStack.outside().findAll(postRequestedFor(
                        urlEqualTo(account.hook(liveMode).path())))) {
                    Matcher pauseId = PAUSE_ID.matcher(post.getBodyAsString());
                    assertThat(pauseId.find()).as(post.getBodyAsString()).isTrue();
                    deliveryIds.computeIfAbsent(pauseId.group(1) + " " + post.getHeader("X-PausePoint-Event"),
                            key -> new HashSet<>()).add(post.getHeader("X-PausePoint-Delivery"));
                }
                Set<String> expected = PAUSES.stream()
                        .filter(pause -> pause.account() == account && pause.live() == liveMode)
                        .map(pause -> pause.pauseId() + " " + pause.fate().event).collect(Collectors.toSet());
                assertThat(deliveryIds.keySet()).as("developer %d, live %s: one end per pause, nothing else",
                        account.number(), liveMode).isEqualTo(expected);
                deliveryIds.forEach((pauseAndEvent, ids) -> assertThat(ids)
                        .as("delivery ids of %s", pauseAndEvent).hasSize(1));
                // delivery-service's own log of the endpoint agrees: one successful attempt per end.
                JsonNode attempts = expect(200, as(gateway(account.number() + (liveMode ? 0 : 1)),
                        account.key(liveMode), "GET", "/v1/webhooks/" + account.hook(liveMode).id()
                                + "/deliveries?limit=100", null), "deliveries").get("items");
                List<String> attempted = new ArrayList<>();
                attempts.forEach(attempt -> {
                    assertThat(attempt.get("status_code").asInt()).as(attempt.toString()).isEqualTo(200);
                    attempted.add(attempt.get("pause_id").asString() + " " + attempt.get("event").asString());
                });
                assertThat(attempted).as("developer %d, live %s: attempts", account.number(), liveMode)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void everyEventIsInTheAuditLogOnce() {
        for (Created pause : PAUSES) {
            JsonNode items = expect(200, as(gateway(pause.marker().hashCode()), pause.account().key(pause.live()),
                    "GET", "/v1/audit?limit=100&pause_id=" + pause.pauseId(), null), "audit").get("items");
            List<String> types = new ArrayList<>();
            items.forEach(item -> types.add(item.get("event_type").asString()));
            assertThat(types).as(pause.pauseId()).containsExactlyInAnyOrder("pause.created", pause.fate().event);
        }
    }

    @Test
    void theSamePaddleNotificationThroughBothGatewaysIsAppliedOnce() {
        List<String> expected = new ArrayList<>();
        ACCOUNTS.stream().filter(Account::starter).forEach(account -> expected.addAll(List.of("applied", "duplicate")));
        assertThat(PADDLE_OUTCOMES).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Last: the reads the checks above make through the gateways are balanced traffic too. */
    @Test
    @Order(Integer.MAX_VALUE)
    void bothInstancesOfEveryServiceDidWork() throws Exception {
        for (Instance gateway : fleet.instances(Service.GATEWAY)) {
            String log = Files.readString(fleet.logFile(gateway));
            for (Service service : List.of(Service.PAUSE, Service.DELIVERY, Service.RESPONSE, Service.BILLING)) {
                for (Instance instance : fleet.instances(service)) {
                    assertThat(log).as("gateway %d routed to %s %d", gateway.number(), service.moduleName(),
                            instance.number()).contains("url chosen: http://localhost:" + instance.port() + "/v1/");
                }
            }
        }
        Map<Service, String> internalWork = Map.of(Service.PAUSE, "/internal/pauses/",
                Service.BILLING, "/internal/usage/reserve", Service.DELIVERY, "/v1/webhooks",
                Service.RESPONSE, "/v1/respond/");
        internalWork.forEach((service, request) -> fleet.instances(service).forEach(instance -> assertThat(
                read(ScaledStack.accessLog(instance.port())))
                .as("%s %d served %s", service.moduleName(), instance.number(), request).contains(request)));
        assertEveryConsumerGroupSplitBetweenTwo(CONSUMER_GROUPS);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("no access log " + file, e);
        }
    }

    /** Both instances hold partitions of each group's topics, so each consumes its share of the events. */
    private static void assertEveryConsumerGroupSplitBetweenTwo(List<String> groups) throws Exception {
        try (Admin admin = admin()) {
            Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all().get();
            for (String group : groups) {
                Collection<MemberDescription> members = described.get(group).members();
                assertThat(members).as("members of " + group).hasSize(2)
                        .allSatisfy(member -> assertThat(member.assignment().topicPartitions())
                                .as("partitions of %s in %s", member.consumerId(), group).isNotEmpty());
            }
        }
    }
}
