package dev.pausepoint.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.pausepoint.systemtests.Developer.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.pause.PauseFollowUp;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.systemtests.Http.Reply;
import dev.pausepoint.testsupport.PostgresAccess;
import dev.pausepoint.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Reminders and escalation end to end (docs/api-reference.md, "Reminders and escalation"), through the gateway
 * and every service. The clock is stepped by moving a follow-up's {@code due_at} into the past in
 * pause-service's database, as {@link PausesSystemTest} moves an expiry; the sweep does the rest.
 */
@Order(4)
class EscalationSystemTest {

    private static final WireMockServer RECEIVER = new WireMockServer(options().dynamicPort());
    private static final String SECRET = "whsec-escalation-0123456789";

    @BeforeAll
    static void startReceiver() {
        RECEIVER.start();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    /** Makes follow-up {@code notification} of the pause due now. */
    private static void makeDue(String pauseId, int notification) throws Exception {
        PostgresAccess postgres = TestInfrastructure.postgres();
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("pause_service"), postgres.username(),
                postgres.password());
                PreparedStatement due = db.prepareStatement(
                        "UPDATE pause_schedule SET due_at = now() WHERE pause_id = ? AND notification = ?")) {
            due.setString(1, pauseId);
            due.setInt(2, notification);
            assertThat(due.executeUpdate()).isEqualTo(1);
        }
    }

    private static JsonNode deliveries(Developer developer, String pauseId) {
        return as(developer.test(), "GET", "/v1/pause/" + pauseId, null).json().get("deliveries");
    }

    private static JsonNode awaitDelivery(Developer developer, String pauseId, int notification, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                deliveries(developer, pauseId).get(notification).get("status").asString()).isEqualTo(status));
        return deliveries(developer, pauseId).get(notification);
    }

    private static String tokenIn(String sms) {
        String url = sms.substring(sms.indexOf("Respond here: ") + "Respond here: ".length());
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void remindersAndAnEscalationStepArriveMarkedTheStepsOwnLinkAnswersAndNothingIsSentAfter() throws Exception {
        Developer developer = Developer.register();
        String path = "/hooks/" + UUID.randomUUID();
        RECEIVER.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        assertThat(as(developer.test(), "POST", "/v1/webhooks", "{\"url\": \"http://" + SystemStack.RECEIVER_HOST + ":"
                + RECEIVER.port() + path + "\", \"secret\": \"" + SECRET
                + "\", \"events\": [\"pause.reminded\", \"pause.escalated\", \"pause.responded\"]}").status())
                .isEqualTo(201);

        Reply created = as(developer.test(), "POST", "/v1/pause", """
                {"recipient": "+14155550123", "channel": "sms", "message": "Ship it?", "options": ["Yes", "No"],
                 "reminders": {"every_minutes": 5, "max": 2},
                 "escalation": [{"after_minutes": 7, "channel": "sms", "recipient": "+1 415 555 0188"}]}""");
        assertThat(created.status()).isEqualTo(201);
        String pauseId = created.json().get("pause_id").asString();
        String ownLink = created.json().get("respond_url").asString();
        JsonNode planned = deliveries(developer, pauseId);
        assertThat(planned).extracting(d -> d.get("notification").asInt() + ":" + d.get("kind").asString() + ":"
                + d.get("status").asString()).containsExactly("0:initial:queued", "1:reminder:scheduled",
                "2:escalation:scheduled", "3:reminder:scheduled");
        assertThat(planned.get(2).get("recipient").asString()).isEqualTo("+14155550188");
        awaitDelivery(developer, pauseId, 0, "sandbox");

        makeDue(pauseId, 1);
        JsonNode reminder = awaitDelivery(developer, pauseId, 1, "sandbox");
        assertThat(reminder.get("sandbox_message").asString())
                .isEqualTo("[PausePoint] Reminder: " + Developer.NAME + " asks: Ship it?\n\nRespond here: " + ownLink);
        assertThat(reminder.get("reminder").asInt()).isEqualTo(1);

        makeDue(pauseId, 2);
        JsonNode step = awaitDelivery(developer, pauseId, 2, "sandbox");
        String stepMessage = step.get("sandbox_message").asString();
        assertThat(stepMessage).startsWith("[PausePoint] " + Developer.NAME + " asks: Ship it?\n\nRespond here: ");
        String stepToken = tokenIn(stepMessage);
        assertThat(stepToken).isNotEqualTo(tokenIn(ownLink)).hasSizeLessThanOrEqualTo(80);
        assertThat(Http.get("/v1/respond/" + tokenIn(ownLink)).status()).as("the earlier link keeps working")
                .isEqualTo(200);

        Reply answered = Http.postJson("/v1/respond/" + stepToken, "{\"choice\": \"Yes\"}");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(as(developer.test(), "GET", "/v1/pause/" + pauseId, null).json().get("response_choice").asString())
                .isEqualTo("Yes");
        Reply late = Http.postJson("/v1/respond/" + tokenIn(ownLink), "{\"choice\": \"No\"}");
        assertThat(late.status()).as("the first answer through any link decides").isEqualTo(410);
        assertThat(late.json().get("error").asString()).isEqualTo("TOKEN_USED");

        makeDue(pauseId, 3);
        awaitDelivery(developer, pauseId, 3, "skipped");
        List<Event> followUps = EventReader.readFenced(Topics.PAUSE_EVENTS,
                event -> event instanceof PauseFollowUp f && f.pauseId().equals(pauseId));
        assertThat(followUps).extracting(event -> ((PauseFollowUp) event).notification()).containsExactly(1, 2);

        JsonNode audit = as(developer.test(), "GET", "/v1/audit?pause_id=" + pauseId, null).json().get("items");
        assertThat(audit).extracting(entry -> entry.get("event_type").asString() + "/" + entry.get("actor").asString())
                .containsExactly("pause.responded/human", "pause.escalated/system", "pause.reminded/system",
                        "pause.created/developer");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(RECEIVER.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(3));
        List<String> posted = RECEIVER.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .map(request -> request.getHeader("X-PausePoint-Event")).sorted().toList();
        assertThat(posted).containsExactly("pause.escalated", "pause.reminded", "pause.responded");
        LoggedRequest escalation = RECEIVER.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .filter(request -> request.getHeader("X-PausePoint-Event").equals("pause.escalated")).findFirst()
                .orElseThrow();
        assertThat(escalation.getBodyAsString()).contains("\"data\":{\"notification\":2,\"kind\":\"escalation\","
                + "\"step\":1,\"reminder\":null,\"channel\":\"sms\",\"metadata\":null}");
    }

    @Test
    void aStepOnAChannelThePlanLacksIsRefusedNamingTheStepAndBadFieldsNameTheirPath() {
        Developer developer = Developer.register();
        Reply refused = as(developer.live(), "POST", "/v1/pause", """
                {"recipient": "+14155550123", "channel": "sms", "message": "Ship it?", "options": ["Yes", "No"],
                 "escalation": [{"after_minutes": 5, "channel": "email", "recipient": "boss@example.com"}]}""");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asString()).isEqualTo("CHANNEL_NOT_ALLOWED");
        assertThat(refused.json().get("message").asString())
                .isEqualTo("escalation[0]: email is not on the free plan. Upgrade to Starter to use it.");

        Reply invalid = as(developer.test(), "POST", "/v1/pause", """
                {"recipient": "+14155550123", "channel": "sms", "message": "Ship it?", "options": ["Yes", "No"],
                 "reminders": {"every_minutes": 4, "max": 1},
                 "escalation": [{"after_minutes": 1440, "channel": "sms", "recipient": "+14155550188"}]}""");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("detail")).extracting(issue -> issue.get("field").asString())
                .containsExactly("reminders.every_minutes", "escalation[0].after_minutes");

        Reply badStepChannel = as(developer.test(), "POST", "/v1/pause", """
                {"recipient": "+14155550123", "channel": "sms", "message": "Ship it?", "options": ["Yes", "No"],
                 "escalation": [{"after_minutes": 5, "channel": "pager", "recipient": "x"}]}""");
        assertThat(badStepChannel.status()).isEqualTo(400);
        assertThat(badStepChannel.json().get("error").asString()).isEqualTo("INVALID_CHANNEL");
    }
}
