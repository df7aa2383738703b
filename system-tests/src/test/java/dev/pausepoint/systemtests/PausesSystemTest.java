package dev.pausepoint.systemtests;

import static dev.pausepoint.systemtests.Developer.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.pause.PauseTimedOut;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.localstack.Service;
import dev.pausepoint.systemtests.Http.Reply;
import dev.pausepoint.testsupport.PostgresAccess;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.embedded.FreePorts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Pauses end to end: the gateway, pause-service, billing-service's quota, Kafka and Postgres. */
@Order(3)
class PausesSystemTest {

    private static final String SMS = """
            {"recipient": "+14155550123", "channel": "sms", "message": "Ship it?", "options": ["Yes", "No"],
             "timeout_default": "No"}""";

    @Test
    void createReadListAndCancelOnce() {
        Developer keys = Developer.register();
        Reply created = as(keys.live(), "POST", "/v1/pause", SMS);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("pause_id").asString();
        assertThat(created.json().get("respond_url").asString()).as("links point at this stack's gateway")
                .startsWith(SystemStack.gateway() + "/respond/");
        assertThat(as(keys.live(), "GET", "/v1/pause/" + id, null).json().get("status").asString()).isEqualTo("pending");
        assertThat(as(keys.live(), "GET", "/v1/pause", null).json().get("items").get(0).get("pause_id").asString())
                .isEqualTo(id);
        assertThat(as(keys.test(), "GET", "/v1/pause/" + id, null).status()).as("the test world").isEqualTo(404);
        assertThat(as(keys.live(), "DELETE", "/v1/pause/" + id, null).json().get("status").asString()).isEqualTo("cancelled");
        Reply again = as(keys.live(), "DELETE", "/v1/pause/" + id, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asString()).isEqualTo("ALREADY_CANCELLED");
    }

    @Test
    void anEmailPauseOnTheFreePlanIsForbidden() {
        Reply reply = as(Developer.register().live(), "POST", "/v1/pause", SMS.replace("\"+14155550123\"", "\"a@b.co\"")
                .replace("\"sms\"", "\"email\""));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("error").asString()).isEqualTo("CHANNEL_NOT_ALLOWED");
    }

    @Test
    void theFiftyFirstLivePauseOfTheMonthIsRefusedAndNothingIsCreated() {
        Developer keys = Developer.register();
        for (int i = 0; i < 50; i++) {
            assertThat(as(keys.live(), "POST", "/v1/pause", SMS).status()).isEqualTo(201);
        }
        Reply refused = as(keys.live(), "POST", "/v1/pause", SMS);
        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.body()).isEqualTo("{\"error\":\"PLAN_LIMIT_REACHED\",\"message\":\"Monthly pause limit of 50 "
                + "reached. Upgrade to Starter for 500 pauses/month.\",\"status_code\":402}");
        assertThat(as(keys.live(), "GET", "/v1/pause?limit=100", null).json().get("items")).hasSize(50);
        assertThat(as(keys.live(), "GET", "/v1/auth/me", null).json().get("usage").get("pauses_used").asInt()).isEqualTo(50);
        assertThat(as(keys.test(), "POST", "/v1/pause", SMS).status()).as("test pauses never count").isEqualTo(201);
    }

    @Test
    void aHundredConcurrentCreatesAgainstAQuotaOfFiftyMakeExactlyFifty() {
        Developer keys = Developer.register();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            replies.add(CompletableFuture.supplyAsync(() -> as(keys.live(), "POST", "/v1/pause", SMS), pool));
        }
        List<Integer> statuses = replies.stream().map(CompletableFuture::join).map(Reply::status).toList();
        pool.shutdown();
        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(50);
        assertThat(statuses.stream().filter(status -> status == 402)).hasSize(50);
        assertThat(as(keys.live(), "GET", "/v1/pause?limit=100", null).json().get("items")).hasSize(50);
    }

    @Test
    void anIdempotentRetryReturnsTheSamePause() {
        Developer keys = Developer.register();
        Reply first = as(keys.live(), "POST", "/v1/pause", SMS, "Idempotency-Key", "retry-1");
        Reply retry = as(keys.live(), "POST", "/v1/pause", SMS, "Idempotency-Key", "retry-1");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(as(keys.live(), "GET", "/v1/auth/me", null).json().get("usage").get("pauses_used").asInt()).isEqualTo(1);
    }

    @Test
    void aLongPollThroughTheGatewayAnswersWhenThePauseChanges() throws Exception {
        Developer keys = Developer.register();
        String id = as(keys.test(), "POST", "/v1/pause", SMS).json().get("pause_id").asString();
        CompletableFuture<Reply> parked = CompletableFuture.supplyAsync(
                () -> as(keys.test(), "GET", "/v1/pause/" + id + "?wait=25", null));
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !parked.isDone());
        as(keys.test(), "DELETE", "/v1/pause/" + id, null);
        assertThat(parked.get().json().get("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void twoPauseServiceInstancesSweepingTogetherTimeEachPauseOutOnce() throws Exception {
        int port = FreePorts.next();
        Process second = SystemStack.fleet().startAnother(Service.PAUSE, port, FreePorts.next());
        try {
            sweepTogether(port);
        } finally {
            SystemStack.fleet().stopAnother(second);
        }
    }

    private static void sweepTogether(int port) throws Exception {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> ready(port));
        Developer keys = Developer.register();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(as(keys.test(), "POST", "/v1/pause", SMS).json().get("pause_id").asString());
        }
        expire(ids);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(as(keys.test(), "GET", "/v1/pause?status=timed_out&limit=100", null).json().get("items"))
                        .hasSize(40));
        List<Event> timedOut = EventReader.readFenced(Topics.PAUSE_EVENTS,
                event -> event instanceof PauseTimedOut t && ids.contains(t.pauseId()));
        assertThat(timedOut.stream().map(event -> ((PauseTimedOut) event).pauseId()))
                .as("one event per pause, whichever instance moved it").containsExactlyInAnyOrderElementsOf(ids);
    }

    private static boolean ready(int port) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + "/readyz")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static void expire(List<String> ids) throws Exception {
        PostgresAccess postgres = TestInfrastructure.postgres();
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("pause_service"), postgres.username(),
                postgres.password());
                PreparedStatement expire = db.prepareStatement("UPDATE pause SET expires_at = now() WHERE id = ANY(?)")) {
            expire.setArray(1, db.createArrayOf("text", ids.toArray()));
            assertThat(expire.executeUpdate()).isEqualTo(ids.size());
        }
    }

    @Test
    void anExpiredPauseTimesOutWithItsDefaultWithinFiveSecondsAndIsAnnouncedOnce() throws Exception {
        Developer keys = Developer.register();
        String id = as(keys.test(), "POST", "/v1/pause", SMS).json().get("pause_id").asString();
        expire(List.of(id));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(as(keys.test(), "GET", "/v1/pause/" + id, null).json().get("status").asString())
                        .isEqualTo("timed_out"));
        assertThat(as(keys.test(), "GET", "/v1/pause/" + id, null).json().get("response_choice").asString())
                .isEqualTo("No");
        List<Event> timedOut = EventReader.readFenced(Topics.PAUSE_EVENTS,
                event -> event instanceof PauseTimedOut t && t.pauseId().equals(id));
        assertThat(timedOut).hasSize(1);
        assertThat(((PauseTimedOut) timedOut.get(0)).choice()).isEqualTo("No");
    }
}
