package dev.pausepoint.delivery.timeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.pausepoint.kit.UnstorableText.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.pausepoint.delivery.DeliveryApiTest;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.events.pause.PauseResponded;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedClient.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * docs/api-reference.md, "Delivery timeline": {@code GET /v1/deliveries?pause_id=} lists a pause's provider
 * sends and webhook posts, oldest first, only in the caller's world, for an API key and a session alike.
 */
class DeliveryTimelineApiTest extends DeliveryApiTest {

    private Reply timeline(String query, CallerIdentity caller) {
        return client.get("/v1/deliveries?" + query, caller);
    }

    private JsonNode timelineOf(String pauseId, CallerIdentity caller) {
        Reply reply = timeline("pause_id=" + pauseId, caller);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("pause_id").asString()).isEqualTo(pauseId);
        return reply.json();
    }

    private static List<JsonNode> items(JsonNode timeline, String list) {
        List<JsonNode> items = new ArrayList<>();
        timeline.get(list).forEach(items::add);
        return items;
    }

    /** A Slack pause whose incoming webhook answers {@code statuses} in turn, the last one from then on. */
    private static PauseCreated slackPause(String developerId, int... statuses) {
        String path = "/services/T000/BTL/" + UUID.randomUUID();
        String state = Scenario.STARTED;
        for (int i = 0; i < statuses.length; i++) {
            String next = i == statuses.length - 1 ? state : "answered " + i;
            OUTSIDE.stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(statuses[i]).withBody(statuses[i] < 300 ? "ok" : "no_service"))
                    .willSetStateTo(next));
            state = next;
        }
        return pauseCreated(developerId, true, "slack", receiver(path));
    }

    @Test
    void aTestPausesTimelineIsItsSandboxNotificationAndItsWebhookPostsSeenThroughASession() {
        CallerIdentity testKey = developer(KeyMode.TEST);
        String path = "/receiver/timeline-test/" + UUID.randomUUID();
        String webhookId = registerWebhook(testKey, path);
        PauseCreated pause = pauseCreated(testKey.developerId(), false, "sms", phone());
        PauseResponded responded = pauseResponded(pause.pauseId(), testKey.developerId(), false);
        CallerIdentity dashboard = session(testKey.developerId(), KeyMode.TEST);

        publish(pause);
        publish(responded);

        await().untilAsserted(() -> {
            JsonNode timeline = timelineOf(pause.pauseId(), dashboard);
            assertThat(timeline.get("notifications")).hasSize(1);
            assertThat(timeline.get("webhook_deliveries")).hasSize(1);
        });
        JsonNode timeline = timelineOf(pause.pauseId(), dashboard);
        JsonNode sandbox = timeline.get("notifications").get(0);
        assertThat(sandbox.get("channel").asString()).isEqualTo("sms");
        assertThat(sandbox.get("attempt").isNull()).isTrue();
        assertThat(sandbox.get("status").asString()).isEqualTo("sandbox");
        for (String absent : List.of("provider_message_id", "status_code", "error", "duration_ms", "next_attempt_at")) {
            assertThat(sandbox.get(absent).isNull()).as(absent).isTrue();
        }
        assertThat(sandbox.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(sandbox.get("status_at")).isEqualTo(sandbox.get("created_at"));
        assertThat(sandbox.size()).isEqualTo(10);

        JsonNode post = timeline.get("webhook_deliveries").get(0);
        assertThat(post.get("webhook_id").asString()).isEqualTo(webhookId);
        assertThat(post.get("url").asString()).isEqualTo(receiver(path));
        JsonNode logged = deliveries(testKey, webhookId).get(0);
        assertThat(((ObjectNode) post.deepCopy()).without(List.of("webhook_id", "url")))
                .as("the delivery log's item, with its endpoint").isEqualTo(logged);
        assertThat(post.get("event_id").asString()).isEqualTo(responded.eventId());
        assertThat(post.get("pause_id").asString()).isEqualTo(pause.pauseId());
        assertThat(new ArrayList<>(post.propertyNames())).startsWith("webhook_id", "url", "delivery_id");
    }

    @Test
    void aLiveSmsIsSentThenDeliveredWhenTwilioReportsIt() throws Exception {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        PauseCreated pause = sentSms(sid);
        CallerIdentity caller = apiKey(pause.developerId(), KeyMode.LIVE);

        JsonNode sent = timelineOf(pause.pauseId(), caller).get("notifications").get(0);
        assertThat(sent.get("channel").asString()).isEqualTo("sms");
        assertThat(sent.get("attempt").asInt()).isEqualTo(1);
        assertThat(sent.get("status").asString()).isEqualTo("sent");
        assertThat(sent.get("provider_message_id").asString()).isEqualTo(sid);
        assertThat(sent.get("status_code").asInt()).isEqualTo(201);
        assertThat(sent.get("error").isNull()).isTrue();
        assertThat(sent.get("duration_ms").asLong()).isNotNegative();
        assertThat(sent.get("next_attempt_at").isNull()).isTrue();
        assertThat(sent.get("status_at")).isEqualTo(sent.get("created_at"));

        clock.freeze();
        clock.advance(Duration.ofSeconds(90));
        Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "delivered");
        assertThat(twilioCallback(form, twilioSignature(TWILIO_TOKEN, form)).status()).isEqualTo(200);

        List<JsonNode> notifications = items(timelineOf(pause.pauseId(), caller), "notifications");
        assertThat(notifications).singleElement().satisfies(delivered -> {
            assertThat(delivered.get("status").asString()).isEqualTo("delivered");
            assertThat(delivered.get("provider_message_id").asString()).isEqualTo(sid);
            assertThat(delivered.get("created_at")).isEqualTo(sent.get("created_at"));
            assertThat(Instant.parse(delivered.get("status_at").asString()))
                    .isAfterOrEqualTo(Instant.parse(sent.get("created_at").asString()).plusSeconds(89));
        });
    }

    @Test
    void aSentSmsTwilioReportsUndeliveredIsFailedWithTheReport() throws Exception {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        PauseCreated pause = sentSms(sid);
        CallerIdentity caller = session(pause.developerId(), KeyMode.LIVE);
        Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", "30003");

        assertThat(twilioCallback(form, twilioSignature(TWILIO_TOKEN, form)).status()).isEqualTo(200);

        JsonNode failed = timelineOf(pause.pauseId(), caller).get("notifications").get(0);
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("error").asString()).isEqualTo("Twilio reported undelivered (error 30003)");
        assertThat(failed.get("provider_message_id").asString()).isEqualTo(sid);
        assertThat(failed.get("status_code").asInt()).isEqualTo(201);
    }

    @Test
    void aSendTheProviderRefusesIsFailedWithItsReason() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        PauseCreated pause = slackPause(caller.developerId(), 404);

        publish(pause);

        await().untilAsserted(() -> assertThat(notification(pause.pauseId())).containsEntry("status", "failed"));
        JsonNode failed = timelineOf(pause.pauseId(), caller).get("notifications").get(0);
        assertThat(failed.get("channel").asString()).isEqualTo("slack");
        assertThat(failed.get("attempt").asInt()).isEqualTo(1);
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("status_code").asInt()).isEqualTo(404);
        assertThat(failed.get("error").asString()).isEqualTo("Slack answered 404: no_service");
        assertThat(failed.get("next_attempt_at").isNull()).as("nothing more will be tried").isTrue();
        assertThat(failed.get("provider_message_id").isNull()).isTrue();
    }

    @Test
    void aRetriedSendShowsEachAttemptAndWhenTheNextIsDue() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        clock.freeze();
        PauseCreated pause = slackPause(caller.developerId(), 503, 200);

        publish(pause);

        await().untilAsserted(() -> assertThat(notification(pause.pauseId())).containsEntry("attempts", 1));
        JsonNode retrying = timelineOf(pause.pauseId(), caller).get("notifications").get(0);
        assertThat(retrying.get("status").asString()).isEqualTo("failed");
        assertThat(retrying.get("error").asString()).isEqualTo("Slack answered 503: no_service");
        Instant next = Instant.parse(retrying.get("next_attempt_at").asString());
        assertThat(next).isBetween(clock.instant().plusSeconds(25), clock.instant().plusSeconds(35));
        clock.advance(Duration.between(clock.instant(), next).plusSeconds(1));

        await().untilAsserted(() -> assertThat(notification(pause.pauseId())).containsEntry("status", "delivered"));
        List<JsonNode> notifications = items(timelineOf(pause.pauseId(), caller), "notifications");
        assertThat(notifications).extracting(n -> n.get("attempt").asInt()).containsExactly(1, 2);
        assertThat(notifications).extracting(n -> n.get("status").asString()).containsExactly("failed", "delivered");
        assertThat(notifications.get(0).get("next_attempt_at").isNull()).as("no longer the latest").isTrue();
        assertThat(notifications.get(1).get("status_code").asInt()).isEqualTo(200);
    }

    @Test
    void anotherDevelopersTheOtherWorldsAndAnUnknownPauseHaveAnEmptyTimeline() {
        CallerIdentity owner = developer(KeyMode.LIVE);
        registerWebhook(owner, "/receiver/timeline-mine/" + UUID.randomUUID());
        PauseCreated pause = slackPause(owner.developerId(), 200);
        publish(pause);
        publish(pauseResponded(pause.pauseId(), owner.developerId(), true));
        await().untilAsserted(() -> {
            JsonNode timeline = timelineOf(pause.pauseId(), owner);
            assertThat(timeline.get("notifications")).hasSize(1);
            assertThat(timeline.get("webhook_deliveries")).hasSize(1);
        });

        for (CallerIdentity stranger : List.of(developer(KeyMode.LIVE), developer(KeyMode.TEST),
                sameDeveloper(owner, KeyMode.TEST), session(owner.developerId(), KeyMode.TEST))) {
            JsonNode timeline = timelineOf(pause.pauseId(), stranger);
            assertThat(timeline.get("notifications")).isEmpty();
            assertThat(timeline.get("webhook_deliveries")).isEmpty();
        }
        JsonNode unknown = timelineOf("psr_" + UUID.randomUUID(), owner);
        assertThat(unknown.get("notifications")).isEmpty();
        assertThat(unknown.get("webhook_deliveries")).isEmpty();
        assertThat(timelineOf(pause.pauseId(), session(owner.developerId(), KeyMode.LIVE)).get("notifications"))
                .as("the owner's session in the live world").hasSize(1);
    }

    @Test
    void pauseIdIsRequiredAndMustBeAPauseId() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String uuid = UUID.randomUUID().toString();
        String mustBeAPauseId = "must be a pause id: psr_ followed by a lowercase UUID";

        assertRefused(timeline("", caller), "pause_id", "is required");
        assertRefused(timeline("pause_id=psr_" + uuid + "&pause_id=psr_" + uuid, caller), "pause_id", mustBeAPauseId);
        for (String bad : List.of("", "psr_x", "psr_" + uuid.toUpperCase(), uuid, "whk_" + uuid, "psr_" + uuid + "%20",
                "psr_" + uuid + "%0A", "psr_" + "a".repeat(3000), "psr_%2e%2e%2f" + uuid)) {
            assertRefused(timeline("pause_id=" + bad, caller), "pause_id", mustBeAPauseId);
        }
        assertRefused(timeline("pause_id=psr_" + uuid + "%00", caller), "pause_id", "must not contain U+0000 (NUL)");
        assertRefused(timeline("pause_id=psr_%ED%A0%80", caller), "query", "must be percent-encoded UTF-8");
    }

    @Test
    void withoutACredentialTheTimelineIs401WhateverItsQuery() {
        for (String query : List.of("pause_id=psr_" + UUID.randomUUID(), "")) {
            Reply reply = timeline(query, CallerIdentity.anonymous("203.0.113.5"));
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().get("error").asString()).isEqualTo("INVALID_API_KEY");
        }
    }

    /** A pause with more attempts than the bound shows its newest 100 of each kind, oldest first. */
    @Test
    void eachListHoldsTheNewestHundredOldestFirst() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String pauseId = "psr_" + UUID.randomUUID();
        String webhookId = webhookEndpoint(caller.developerId());
        String deliveryId = "wdl_" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO notification (pause_id, developer_id, livemode, channel, recipient, respond_url, message,
                    options, status, attempts, last_error, created_at, updated_at)
                VALUES (?, ?, true, 'sms', '+14155550100', 'https://pausepoint.example/respond/t', 'Deploy?',
                    '["Yes", "No"]', 'failed', 105, 'Twilio answered 503', now(), now())""")
                .params(pauseId, caller.developerId()).update();
        jdbc.sql("""
                INSERT INTO notification_attempt (pause_id, attempt, status_code, error, duration_ms, created_at)
                SELECT ?, n, 503, 'Twilio answered 503', 10, now() FROM generate_series(1, 105) AS n""")
                .param(pauseId).update();
        jdbc.sql("""
                INSERT INTO webhook_delivery (id, webhook_id, event_id, event, pause_id, data, status, attempts, created_at)
                VALUES (?, ?, ?, 'pause.responded', ?, '{}', 'failed', 105, now())""")
                .params(deliveryId, webhookId, "evt_" + UUID.randomUUID(), pauseId).update();
        jdbc.sql("""
                INSERT INTO webhook_attempt (delivery_id, webhook_id, attempt, status_code, error, duration_ms, created_at)
                SELECT ?, ?, n, 500, 'HTTP 500', 10, now() FROM generate_series(1, 105) AS n""")
                .params(deliveryId, webhookId).update();

        JsonNode timeline = timelineOf(pauseId, caller);

        assertThat(items(timeline, "notifications")).extracting(n -> n.get("attempt").asInt())
                .containsExactlyElementsOf(IntStream.rangeClosed(6, 105).boxed().toList());
        assertThat(items(timeline, "webhook_deliveries")).extracting(n -> n.get("attempt").asInt())
                .containsExactlyElementsOf(IntStream.rangeClosed(6, 105).boxed().toList());
    }
}
