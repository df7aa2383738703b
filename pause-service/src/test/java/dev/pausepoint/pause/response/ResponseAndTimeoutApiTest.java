package dev.pausepoint.pause.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.pause.PauseResponded;
import dev.pausepoint.events.pause.PauseTimedOut;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.pause.PauseApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ResponseAndTimeoutApiTest extends PauseApiTest {

    @Autowired
    JdbcClient jdbc;

    private Reply respond(String pauseId, String choice, String text) {
        String body = "{\"choice\":" + (choice == null ? "null" : "\"" + choice + "\"") + ",\"text\":"
                + (text == null ? "null" : "\"" + text + "\"") + ",\"actor_ip\":\"198.51.100.23\",\"user_agent\":\"Phone/1.0\"}";
        return client.internalPost("/internal/pauses/" + pauseId + "/response", body, "response-service");
    }

    private void expireNow(String pauseId) {
        jdbc.sql("UPDATE pause SET expires_at = now() - interval '1 second' WHERE id = ?").param(pauseId).update();
    }

    @Test
    void aResponseIsRecordedOnceAndAnnouncedWithTheRespondersAddress() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, SMS_PAUSE);
        Reply first = respond(id, "Approve", null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("status").asString()).isEqualTo("responded");
        Reply second = respond(id, "Reject", null);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("error").asString()).isEqualTo("ALREADY_RESPONDED");
        Reply pause = client.get("/v1/pause/" + id, caller);
        assertThat(pause.json().get("response_choice").asString()).isEqualTo("Approve");
        assertThat(pause.json().get("response_at").asString()).endsWith("Z");

        List<Event> events = EventReader.readFenced(Topics.PAUSE_EVENTS,
                event -> event instanceof PauseResponded responded && responded.pauseId().equals(id));
        assertThat(events).hasSize(1);
        PauseResponded responded = (PauseResponded) events.get(0);
        assertThat(responded.choice()).isEqualTo("Approve");
        assertThat(responded.actorIp()).isEqualTo("198.51.100.23");
        assertThat(responded.userAgent()).isEqualTo("Phone/1.0");
    }

    @Test
    void aChoiceNotAmongTheOptionsIsInvalidChoice() {
        String id = createdId(developer("free", KeyMode.TEST), SMS_PAUSE);
        Reply reply = respond(id, "Maybe", null);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"error\":\"INVALID_CHOICE\",\"message\":\"choice must be one of: Approve, "
                + "Reject.\",\"status_code\":400}");
        assertThat(respond(id, null, null).status()).isEqualTo(400);
    }

    @Test
    void textIsKeptOnlyWhenThePauseAllowsIt() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String plain = createdId(caller, SMS_PAUSE);
        String withText = createdId(caller, SMS_PAUSE.replace("\"metadata\"", "\"allow_text_response\": true, \"metadata\""));
        respond(plain, "Approve", "looks fine");
        respond(withText, "Approve", "looks fine");
        assertThat(client.get("/v1/pause/" + plain, caller).json().get("response_text").isNull()).isTrue();
        assertThat(client.get("/v1/pause/" + withText, caller).json().get("response_text").asString()).isEqualTo("looks fine");
        String long2001 = createdId(caller, SMS_PAUSE.replace("\"metadata\"", "\"allow_text_response\": true, \"metadata\""));
        assertThat(respond(long2001, "Approve", "t".repeat(2001)).status()).isEqualTo(422);
        assertThat(respond(long2001, "Approve", "t".repeat(2000)).status()).isEqualTo(200);
    }

    @Test
    void aCancelledOrExpiredPauseTakesNoResponse() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String cancelled = createdId(caller, SMS_PAUSE);
        client.send("DELETE", "/v1/pause/" + cancelled, null, null, caller);
        assertThat(respond(cancelled, "Approve", null).json().get("error").asString()).isEqualTo("ALREADY_CANCELLED");
        String expired = createdId(caller, SMS_PAUSE);
        expireNow(expired);
        assertThat(respond(expired, "Approve", null).json().get("error").asString())
                .as("past expiry, even before the sweeper moved it").isEqualTo("ALREADY_TIMED_OUT");
    }

    /** The page names who asked as they were at the create, and what silence means (docs/api-reference.md). */
    @Test
    void theInternalReadShowsWhoAskedAndTheDefault() {
        CallerIdentity named = new CallerIdentity("dev_" + java.util.UUID.randomUUID(), KeyMode.TEST, "free",
                dev.pausepoint.identity.CredentialKind.API_KEY, "203.0.113.5", "Zoë & Co <b>");
        String id = createdId(named, SMS_PAUSE.replace("{", "{\"agent_name\": \"deploy-bot\", "));
        Reply read = client.internalGet("/internal/pauses/" + id, "response-service");
        assertThat(read.json().get("account_name").asString()).isEqualTo("Zoë & Co <b>");
        assertThat(read.json().get("agent_name").asString()).isEqualTo("deploy-bot");
        assertThat(read.json().get("timeout_default").asString()).isEqualTo("Reject");
        assertThat(client.get("/v1/pause/" + id, named).json().get("agent_name").asString()).isEqualTo("deploy-bot");
        assertThat(client.get("/v1/pause/" + id, named).json().has("account_name"))
                .as("the developer's own name is not part of the pause object").isFalse();
    }

    @Test
    void theInternalReadShowsTheQuestionAndItsOutcome() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, SMS_PAUSE);
        respond(id, "Reject", null);
        Reply read = client.internalGet("/internal/pauses/" + id, "response-service");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("message").asString()).isEqualTo("Deploy v2.3 to production?");
        assertThat(read.json().get("options").toString()).isEqualTo("[\"Approve\",\"Reject\"]");
        assertThat(read.json().get("status").asString()).isEqualTo("responded");
        assertThat(read.json().get("response_choice").asString()).isEqualTo("Reject");
        assertThat(read.json().get("livemode").asBoolean()).isFalse();
        assertThat(client.internalGet("/internal/pauses/psr_unknown", "response-service").status()).isEqualTo(404);
        assertThat(client.get("/internal/pauses/" + id, caller).status())
                .as("an identity is not an internal credential").isEqualTo(401);
    }

    @Test
    void anExpiredPauseTimesOutWithItsDefaultWithinFiveSecondsAndIsAnnouncedOnce() {
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        String id = createdId(caller, SMS_PAUSE);
        String noDefault = createdId(caller, SMS_PAUSE.replace("\"timeout_default\": \"Reject\", ", ""));
        expireNow(id);
        expireNow(noDefault);
        Instant expiredAt = Instant.parse(jdbc.sql("SELECT to_char(expires_at AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM pause WHERE id = ?").param(id).query(String.class).single());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(client.get("/v1/pause/" + id, caller).json().get("status").asString()).isEqualTo("timed_out"));
        Reply pause = client.get("/v1/pause/" + id, caller);
        assertThat(pause.json().get("response_choice").asString()).isEqualTo("Reject");
        assertThat(Instant.parse(pause.json().get("response_at").asString()).getEpochSecond())
                .isEqualTo(expiredAt.getEpochSecond());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(client.get("/v1/pause/" + noDefault, caller).json().get("status").asString()).isEqualTo("timed_out"));
        assertThat(client.get("/v1/pause/" + noDefault, caller).json().get("response_choice").isNull()).isTrue();
        assertThat(client.get("/v1/pause/" + noDefault, caller).json().get("response_at").isNull()).isTrue();

        List<Event> timedOut = EventReader.readFenced(Topics.PAUSE_EVENTS,
                event -> event instanceof PauseTimedOut t && (t.pauseId().equals(id) || t.pauseId().equals(noDefault)));
        assertThat(timedOut).hasSize(2);
        assertThat(timedOut.stream().map(e -> (PauseTimedOut) e).filter(e -> e.pauseId().equals(id)).findFirst()
                .orElseThrow().choice()).isEqualTo("Reject");
        assertThat(client.send("DELETE", "/v1/pause/" + id, null, null, caller).json().get("error").asString())
                .isEqualTo("ALREADY_TIMED_OUT");
    }
}
