package dev.pausepoint.delivery.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.delivery.DeliveryApiTest;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.delivery.NotificationDelivered;
import dev.pausepoint.events.delivery.NotificationFailed;
import dev.pausepoint.events.delivery.NotificationSent;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.events.pause.PauseEscalated;
import dev.pausepoint.events.pause.PauseReminded;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.EventReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A pause with several notifications (docs/api-reference.md, "Reminders and escalation"): each its own row
 * with its own sends, status and provider reports, a reminder marked as one, and the follow-ups posted to the
 * endpoints that subscribe to them and to no other.
 */
class FollowUpNotificationsTest extends DeliveryApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static PauseReminded reminded(PauseCreated pause, int notification, int reminder) {
        return new PauseReminded("evt_" + UUID.randomUUID(), pause.occurredAt().plusSeconds(300), 1, pause.pauseId(),
                pause.developerId(), pause.livemode(), notification, reminder, pause.channel(), pause.recipient(),
                pause.message(), pause.options(), pause.respondUrl(), pause.expiresAt(), pause.metadata(),
                pause.timeoutDefault(), pause.agentName(), pause.accountName());
    }

    private static PauseEscalated escalated(PauseCreated pause, int notification, int step, String channel,
            String recipient) {
        return new PauseEscalated("evt_" + UUID.randomUUID(), pause.occurredAt().plusSeconds(600), 1, pause.pauseId(),
                pause.developerId(), pause.livemode(), notification, step, channel, recipient, pause.message(),
                pause.options(), pause.respondUrl() + "-slot" + step, pause.expiresAt(), pause.metadata(),
                pause.timeoutDefault(), pause.agentName(), pause.accountName());
    }

    private static String twilioSid(String to, String bodyPart) {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        OUTSIDE.stubFor(post(urlEqualTo(TWILIO_MESSAGES)).atPriority(bodyPart.isEmpty() ? 5 : 1)
                .withFormParam("To", equalTo(to)).withFormParam("Body", containing(bodyPart))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"" + sid + "\", \"status\": \"queued\"}")));
        return sid;
    }

    @Test
    void eachNotificationIsSentMarkedAndReportedOnItsOwn() throws Exception {
        String to = phone();
        String firstSid = twilioSid(to, "");
        String reminderSid = twilioSid(to, "Reminder: ");
        PauseCreated pause = pauseCreated("dev_" + UUID.randomUUID(), true, "sms", to);
        String boss = "boss-" + UUID.randomUUID() + "@example.com";

        publish(pause);
        await().untilAsserted(() -> assertThat(notification(pause.pauseId())).containsEntry("status", "sent"));
        publish(reminded(pause, 1, 1));
        publish(escalated(pause, 2, 1, "email", boss));
        await().untilAsserted(() -> {
            assertThat(notification(pause.pauseId(), 1)).containsEntry("status", "sent").containsEntry("kind", "reminder");
            assertThat(notification(pause.pauseId(), 2)).containsEntry("status", "sent")
                    .containsEntry("kind", "escalation");
        });

        List<String> smsBodies = OUTSIDE.findAll(postRequestedFor(urlEqualTo(TWILIO_MESSAGES))
                .withFormParam("To", equalTo(to))).stream().map(r -> r.formParameter("Body").firstValue()).toList();
        assertThat(smsBodies).containsExactly(
                "[PausePoint] Deploy v2.3 to production?\n\nRespond here: " + pause.respondUrl(),
                "[PausePoint] Reminder: Deploy v2.3 to production?\n\nRespond here: " + pause.respondUrl());
        List<LoggedRequest> mails = OUTSIDE.findAll(postRequestedFor(urlEqualTo("/v3/mail/send"))
                .withRequestBody(containing(boss)));
        assertThat(mails).hasSize(1);
        OUTSIDE.verify(postRequestedFor(urlEqualTo("/v3/mail/send")).withRequestBody(containing(boss))
                .withRequestBody(matchingJsonPath("$.subject", equalTo("Action required from your AI agent")))
                .withRequestBody(matchingJsonPath("$.content[0].value", containing(pause.respondUrl() + "-slot1")))
                .withRequestBody(matchingJsonPath("$.custom_args.pause_id", equalTo(pause.pauseId())))
                .withRequestBody(matchingJsonPath("$.custom_args.notification", equalTo("2"))));
        assertThat(EventReader.first(Topics.DELIVERY_EVENTS, NotificationSent.class,
                e -> e.pauseId().equals(pause.pauseId()) && e.notification() == 1).providerMessageId())
                .isEqualTo(reminderSid);

        // The reminder's SMS is delivered, the first one fails: each moves alone.
        Map<String, String> delivered = Map.of("MessageSid", reminderSid, "MessageStatus", "delivered");
        assertThat(twilioCallback(delivered, twilioSignature(TWILIO_TOKEN, delivered)).status()).isEqualTo(200);
        Map<String, String> failed = Map.of("MessageSid", firstSid, "MessageStatus", "undelivered", "ErrorCode", "30003");
        assertThat(twilioCallback(failed, twilioSignature(TWILIO_TOKEN, failed)).status()).isEqualTo(200);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String events = """
                [{"email": "%s", "timestamp": 1764086401, "event": "delivered", "pause_id": "%s", "notification": "2"}]"""
                .formatted(boss, pause.pauseId());
        assertThat(sendGridCallback(events, sendGridSignature(SENDGRID_EVENTS.getPrivate(), timestamp, events), timestamp)
                .status()).isEqualTo(200);

        assertThat(notification(pause.pauseId(), 0)).containsEntry("status", "failed")
                .containsEntry("last_error", "Twilio reported undelivered (error 30003)");
        assertThat(notification(pause.pauseId(), 1)).containsEntry("status", "delivered");
        assertThat(notification(pause.pauseId(), 2)).containsEntry("status", "delivered");
        assertThat(EventReader.first(Topics.DELIVERY_EVENTS, NotificationDelivered.class,
                e -> e.pauseId().equals(pause.pauseId()) && e.notification() == 1).providerMessageId())
                .isEqualTo(reminderSid);
        assertThat(EventReader.first(Topics.DELIVERY_EVENTS, NotificationDelivered.class,
                e -> e.pauseId().equals(pause.pauseId()) && e.notification() == 2)).isNotNull();
        assertThat(EventReader.first(Topics.DELIVERY_EVENTS, NotificationFailed.class,
                e -> e.pauseId().equals(pause.pauseId())).notification()).isEqualTo(0);
    }

    @Test
    void aTestPausesFollowUpsAreSandboxedEachWithItsOwnMessageAndAReplayAddsNothing() {
        PauseCreated pause = pauseCreated("dev_" + UUID.randomUUID(), false, "slack",
                "https://hooks.slack.com/services/T0/B0/" + UUID.randomUUID());
        PauseReminded reminder = reminded(pause, 1, 1);

        publish(pause);
        publish(reminder);
        publish(reminder);
        await().untilAsserted(() -> assertThat(notification(pause.pauseId(), 1)).containsEntry("status", "sandbox"));

        List<NotificationSent> sent = EventReader.readFenced(Topics.DELIVERY_EVENTS,
                e -> e instanceof NotificationSent s && s.pauseId().equals(pause.pauseId())).stream()
                .map(NotificationSent.class::cast).toList();
        assertThat(sent).extracting(NotificationSent::notification).containsExactly(0, 1);
        assertThat(sent.get(0).renderedMessage()).startsWith("Action required from an AI agent\n");
        assertThat(sent.get(1).renderedMessage()).startsWith("Reminder: Action required from an AI agent\n")
                .endsWith("Respond Now: " + pause.respondUrl());
    }

    @Test
    void followUpsArePostedOnlyToEndpointsThatAskForThem() throws Exception {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String askingPath = "/hooks/" + UUID.randomUUID();
        String defaultPath = "/hooks/" + UUID.randomUUID();
        String asking = registerWebhook(caller, askingPath, "pause.escalated", "pause.reminded");
        String byDefault = registerWebhook(caller, defaultPath);
        PauseCreated pause = pauseCreated(caller.developerId(), true, "sms", phone());
        twilioSid(pause.recipient(), "");

        publish(reminded(pause, 1, 1));
        publish(escalated(pause, 2, 1, "sms", phone()));
        publish(pauseResponded(pause.pauseId(), caller.developerId(), true));

        await().untilAsserted(() -> assertThat(received(askingPath)).hasSize(2));
        await().untilAsserted(() -> assertThat(received(defaultPath)).hasSize(1));
        assertThat(received(defaultPath).get(0).getHeader("X-PausePoint-Event")).isEqualTo("pause.responded");
        for (LoggedRequest post : received(askingPath)) {
            assertThat(post.getHeader("X-PausePoint-Signature")).isEqualTo(expectedSignature(post.getBody()));
            JsonNode body = JSON.readTree(post.getBodyAsString());
            JsonNode data = body.get("data");
            assertThat(body.get("pause_id").asString()).isEqualTo(pause.pauseId());
            if (post.getHeader("X-PausePoint-Event").equals("pause.reminded")) {
                assertThat(post.getBodyAsString()).contains(
                        "\"data\":{\"notification\":1,\"kind\":\"reminder\",\"step\":null,\"reminder\":1,"
                                + "\"channel\":\"sms\",\"metadata\":{");
                assertThat(data.get("metadata")).isEqualTo(JSON.valueToTree(pause.metadata()));
            } else {
                assertThat(post.getHeader("X-PausePoint-Event")).isEqualTo("pause.escalated");
                assertThat(data.get("notification").asInt()).isEqualTo(2);
                assertThat(data.get("kind").asString()).isEqualTo("escalation");
                assertThat(data.get("step").asInt()).isEqualTo(1);
                assertThat(data.get("reminder").isNull()).isTrue();
            }
            assertThat(post.getBodyAsString()).doesNotContain("respond");
        }
        Map<String, String> events = new HashMap<>();
        client.get("/v1/webhooks", caller).json().get("items")
                .forEach(item -> events.put(item.get("webhook_id").asString(), item.get("events").toString()));
        assertThat(events).containsEntry(asking, "[\"pause.reminded\",\"pause.escalated\"]")
                .containsEntry(byDefault, "[\"pause.responded\",\"pause.timed_out\",\"pause.cancelled\"]");
    }
}
