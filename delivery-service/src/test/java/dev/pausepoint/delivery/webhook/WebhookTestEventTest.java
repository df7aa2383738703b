package dev.pausepoint.delivery.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.pausepoint.kit.UnstorableText.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.delivery.DeliveryApiTest;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedClient.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docs/api-reference.md, "Webhooks": {@code POST /v1/webhooks/{id}/test} sends one {@code webhook.test} event
 * to that endpoint alone, through the same signed post, retries and log as a pause's events, and at most one
 * test per endpoint waits at a time.
 */
class WebhookTestEventTest extends DeliveryApiTest {

    private Reply test(String webhookId, CallerIdentity caller) {
        return client.send("POST", "/v1/webhooks/" + webhookId + "/test", null, null, caller);
    }

    /** The test's delivery as {@code GET /v1/webhooks/{id}/deliveries} logs it, once attempted. */
    private JsonNode loggedAttempt(CallerIdentity caller, String webhookId, String deliveryId, int attempt) {
        await().untilAsserted(() -> assertThat(deliveries(caller, webhookId)).anySatisfy(item -> {
            assertThat(item.get("delivery_id").asString()).isEqualTo(deliveryId);
            assertThat(item.get("attempt").asInt()).isEqualTo(attempt);
        }));
        return deliveries(caller, webhookId).stream().filter(item -> item.get("delivery_id").asString()
                .equals(deliveryId) && item.get("attempt").asInt() == attempt).findFirst().orElseThrow();
    }

    private String deliveryStatus(String deliveryId) {
        return jdbc.sql("SELECT status FROM webhook_delivery WHERE id = ?").param(deliveryId).query(String.class)
                .single();
    }

    @Test
    void aTestIsPostedSignedToThatEndpointOnlyWithTheDocumentedBodyWhateverItsEvents() throws Exception {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String path = "/receiver/test/" + UUID.randomUUID();
        String other = "/receiver/test-other/" + UUID.randomUUID();
        String webhookId = registerWebhook(caller, path, "pause.cancelled");
        registerWebhook(caller, other);

        Reply reply = test(webhookId, caller);

        assertThat(reply.status()).isEqualTo(202);
        String deliveryId = reply.json().get("delivery_id").asString();
        String eventId = reply.json().get("event_id").asString();
        assertThat(deliveryId).matches("wdl_[0-9a-f-]{36}");
        assertThat(eventId).matches("evt_[0-9a-f-]{36}");
        assertThat(reply.json().get("event").asString()).isEqualTo("webhook.test");
        assertThat(reply.json().size()).isEqualTo(3);
        await().untilAsserted(() -> assertThat(received(path)).hasSize(1));
        LoggedRequest request = received(path).get(0);
        assertThat(request.getHeader("X-PausePoint-Signature")).isEqualTo(expectedSignature(request.getBody()));
        assertThat(request.getHeader("X-PausePoint-Event")).isEqualTo("webhook.test");
        assertThat(request.getHeader("X-PausePoint-Delivery")).isEqualTo(eventId);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("User-Agent")).isEqualTo("PausePoint-Webhooks/1");
        String timestamp = request.getHeader("X-PausePoint-Timestamp");
        assertThat(request.getBodyAsString()).isEqualTo("{\"event_id\":\"" + eventId
                + "\",\"event\":\"webhook.test\",\"pause_id\":null,\"developer_id\":\"" + caller.developerId()
                + "\",\"livemode\":true,\"timestamp\":" + timestamp
                + ",\"data\":{\"choice\":null,\"text\":null,\"response_at\":null,\"metadata\":null}}");

        JsonNode attempt = loggedAttempt(caller, webhookId, deliveryId, 1);
        assertThat(attempt.get("event_id").asString()).isEqualTo(eventId);
        assertThat(attempt.get("event").asString()).isEqualTo("webhook.test");
        assertThat(attempt.get("pause_id").isNull()).isTrue();
        assertThat(attempt.get("status_code").asInt()).isEqualTo(200);
        assertThat(attempt.get("error").isNull()).isTrue();
        assertThat(attempt.get("next_attempt_at").isNull()).isTrue();
        assertThat(deliveryStatus(deliveryId)).isEqualTo("delivered");
        assertThat(received(other)).as("the developer's other endpoint").isEmpty();
    }

    /** The dashboard's session selects its world; the test carries that world as {@code livemode}. */
    @Test
    void aSessionTestsAnEndpointOfTheWorldItSelectsAndATestEndpointGetsLivemodeFalse() {
        CallerIdentity testKey = developer(KeyMode.TEST);
        String path = "/receiver/test-world/" + UUID.randomUUID();
        String webhookId = registerWebhook(testKey, path);

        Reply fromLiveSession = test(webhookId, session(testKey.developerId(), KeyMode.LIVE));
        Reply fromTestSession = test(webhookId, session(testKey.developerId(), KeyMode.TEST));

        assertThat(fromLiveSession.status()).isEqualTo(404);
        assertThat(fromLiveSession.json().get("error").asString()).isEqualTo("WEBHOOK_NOT_FOUND");
        assertThat(fromTestSession.status()).isEqualTo(202);
        await().untilAsserted(() -> assertThat(received(path)).hasSize(1));
        assertThat(received(path).get(0).getBodyAsString()).contains("\"livemode\":false");
    }

    @Test
    void anotherDevelopersTheOtherWorldsADeletedOrAnUnknownEndpointIsNotFound() {
        CallerIdentity owner = developer(KeyMode.LIVE);
        String path = "/receiver/test-strangers/" + UUID.randomUUID();
        String webhookId = registerWebhook(owner, path);
        String deleted = registerWebhook(owner, "/receiver/test-deleted/" + UUID.randomUUID());
        assertThat(client.send("DELETE", "/v1/webhooks/" + deleted, null, null, owner).status()).isEqualTo(204);

        for (Reply reply : List.of(test(webhookId, developer(KeyMode.LIVE)),
                test(webhookId, sameDeveloper(owner, KeyMode.TEST)), test(deleted, owner),
                test("whk_" + UUID.randomUUID(), owner), test("whk_not-a-uuid", owner))) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.json().get("error").asString()).isEqualTo("WEBHOOK_NOT_FOUND");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE webhook_id IN (?, ?)")
                .params(webhookId, deleted).query(Integer.class).single()).isZero();
        assertThat(received(path)).isEmpty();
    }

    @Test
    void aTestWithoutACredentialIs401AndABadIdIsRefusedBeforeAnyLookup() {
        Reply anonymous = test("whk_" + UUID.randomUUID(), CallerIdentity.anonymous("203.0.113.5"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("error").asString()).isEqualTo("INVALID_API_KEY");
        for (String id : new String[] {"whk_%00", "whk_%ED%A0%80", "whk_%FF"}) {
            assertRefused(test(id, developer(KeyMode.LIVE)), "request", "is malformed");
        }
        Reply oversized = test("whk_" + "x".repeat(3000), developer(KeyMode.LIVE));
        assertThat(oversized.status()).isEqualTo(404);
        assertThat(oversized.json().get("error").asString()).isEqualTo("WEBHOOK_NOT_FOUND");
    }

    @Test
    void aFailedTestIsRetriedOnTheScheduleOfEveryDelivery() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String path = "/receiver/test-failing/" + UUID.randomUUID();
        String webhookId = registerWebhook(caller, path);
        OUTSIDE.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500).withBody("not yet")));
        clock.freeze();

        String deliveryId = test(webhookId, caller).json().get("delivery_id").asString();

        JsonNode first = loggedAttempt(caller, webhookId, deliveryId, 1);
        assertThat(first.get("status_code").asInt()).isEqualTo(500);
        assertThat(first.get("error").asString()).isEqualTo("HTTP 500: not yet");
        Instant next = Instant.parse(first.get("next_attempt_at").asString());
        assertThat(Duration.between(Instant.parse(first.get("created_at").asString()), next))
                .isBetween(Duration.ofSeconds(3), Duration.ofSeconds(7));
        OUTSIDE.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        clock.advance(Duration.between(clock.instant(), next).plusSeconds(1));

        JsonNode second = loggedAttempt(caller, webhookId, deliveryId, 2);
        assertThat(second.get("status_code").asInt()).isEqualTo(204);
        assertThat(deliveryStatus(deliveryId)).isEqualTo("delivered");
        assertThat(received(path)).extracting(r -> r.getHeader("X-PausePoint-Delivery")).containsOnly(
                first.get("event_id").asString());
    }

    /**
     * A second test while the first is still being posted is refused, so tests cannot queue posts; once the
     * first is answered, the next is accepted.
     */
    @Test
    void aTestWhileTheEndpointsPreviousTestIsNotPostedYetIsRateLimited() throws Exception {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String path = "/receiver/test-slow/" + UUID.randomUUID();
        try (StallingReceiver slow = StallingReceiver.answeringAfter(RECEIVER_HOST, Duration.ofSeconds(3))) {
            String webhookId = registerWebhookUrl(caller, slow.url(RECEIVER_HOST, path));
            String first = test(webhookId, caller).json().get("delivery_id").asString();
            await().until(() -> slow.open() >= 1);

            Reply refused = test(webhookId, caller);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().get("error").asString()).isEqualTo("RATE_LIMITED");
            assertThat(refused.json().get("message").asString()).isEqualTo("The previous test event to webhook "
                    + webhookId + " has not been posted yet; at most one test per endpoint waits to be posted. "
                    + "Retry after 1 s.");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            loggedAttempt(caller, webhookId, first, 1);
            assertThat(test(webhookId, caller).status()).isEqualTo(202);
            await().until(() -> slow.answered(path) == 2);
        }
    }

    /**
     * A test waiting for a retry is replaced by the next one: a developer who fixed the receiver sees the
     * new test at once, and the endpoint never has more than one test pending.
     */
    @Test
    void aNewTestReplacesTheTestWaitingForARetry() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String path = "/receiver/test-fixed/" + UUID.randomUUID();
        String webhookId = registerWebhook(caller, path);
        OUTSIDE.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503)));
        clock.freeze();
        String broken = test(webhookId, caller).json().get("delivery_id").asString();
        loggedAttempt(caller, webhookId, broken, 1);
        OUTSIDE.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));

        Reply again = test(webhookId, caller);

        assertThat(again.status()).isEqualTo(202);
        String fixed = again.json().get("delivery_id").asString();
        assertThat(loggedAttempt(caller, webhookId, fixed, 1).get("status_code").asInt()).isEqualTo(200);
        assertThat(deliveryStatus(broken)).as("given up, not posted again").isEqualTo("failed");
        assertThat(deliveryStatus(fixed)).isEqualTo("delivered");
        assertThat(received(path)).hasSize(2);
    }

    /** A test is a delivery like any other: its destination is checked again before the post. */
    @Test
    void everyTestChecksTheDestinationAgain() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String path = "/ssrf/test-rebound/" + UUID.randomUUID();
        String webhookId = webhookEndpointAt(caller, "https://localhost:" + OUTSIDE.httpsPort() + path);

        String deliveryId = test(webhookId, caller).json().get("delivery_id").asString();

        JsonNode attempt = loggedAttempt(caller, webhookId, deliveryId, 1);
        assertThat(attempt.get("status_code").isNull()).isTrue();
        assertThat(attempt.get("error").asString())
                .isEqualTo("refused, not contacted: the URL must resolve only to public addresses");
        OUTSIDE.verify(0, anyRequestedFor(urlEqualTo(path)));
    }
}
