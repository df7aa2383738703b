package dev.pausepoint.delivery.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.delivery.DeliveryApiTest;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.events.pause.PauseResponded;
import dev.pausepoint.events.pause.PauseTimedOut;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** docs/api-reference.md, "Webhooks": the signed post, its retries, its log, and what it never reaches. */
class WebhookDeliveryTest extends DeliveryApiTest {

    @Autowired
    MeterRegistry meters;

    /** Posts that left their delivery {@code outcome} (pausepoint.webhooks.attempts). */
    private long posts(String outcome) {
        Timer timer = meters.find("pausepoint.webhooks.attempts").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private double failedDeliveries() {
        Counter counter = meters.find("pausepoint.webhooks.deliveries").tag("outcome", "failed").counter();
        return counter == null ? 0 : counter.count();
    }

    private static PauseResponded responded(CallerIdentity caller, boolean livemode) {
        return pauseResponded("psr_" + UUID.randomUUID(), caller.developerId(), livemode);
    }

    @Test
    void aResponseIsPostedSignedWithTheDocumentedPayloadAndHeaders() throws Exception {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String path = "/receiver/" + UUID.randomUUID();
        String webhookId = registerWebhook(caller, path);
        PauseResponded event = responded(caller, true);

        publish(event);

        await().untilAsserted(() -> assertThat(received(path)).hasSize(1));
        LoggedRequest request = received(path).get(0);
        assertThat(request.getHeader("X-PausePoint-Signature")).isEqualTo(expectedSignature(request.getBody()));
        assertThat(request.getHeader("X-PausePoint-Event")).isEqualTo("pause.responded");
        assertThat(request.getHeader("X-PausePoint-Delivery")).isEqualTo(event.eventId());
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        String timestamp = request.getHeader("X-PausePoint-Timestamp");
        assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(request.getBodyAsString()).isEqualTo("{\"event_id\":\"" + event.eventId()
                + "\",\"event\":\"pause.responded\",\"pause_id\":\"" + event.pauseId() + "\",\"developer_id\":\""
                + caller.developerId() + "\",\"livemode\":true,\"timestamp\":" + timestamp
                + ",\"data\":{\"choice\":\"Approve\",\"text\":\"Go ahead, but watch the error rate.\",\"response_at\":\""
                + event.responseAt() + "\",\"metadata\":{\"run_id\":\"r-42\"}}}");

        await().untilAsserted(() -> assertThat(deliveries(caller, webhookId)).hasSize(1));
        JsonNode attempt = deliveries(caller, webhookId).get(0);
        assertThat(attempt.get("delivery_id").asString()).matches("wdl_[0-9a-f-]{36}");
        assertThat(attempt.get("event_id").asString()).isEqualTo(event.eventId());
        assertThat(attempt.get("event").asString()).isEqualTo("pause.responded");
        assertThat(attempt.get("pause_id").asString()).isEqualTo(event.pauseId());
        assertThat(attempt.get("attempt").asInt()).isEqualTo(1);
        assertThat(attempt.get("status_code").asInt()).isEqualTo(200);
        assertThat(attempt.get("error").isNull()).isTrue();
        assertThat(attempt.get("duration_ms").asLong()).isNotNegative();
        assertThat(attempt.get("next_attempt_at").isNull()).isTrue();
        assertThat(attempt.get("created_at").asString()).endsWith("Z");
    }

    @Test
    void thePostIsASpanOfTheEventsTraceAndCarriesItToTheReceiver() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String path = "/receiver/" + UUID.randomUUID();
        registerWebhook(caller, path);
        PauseResponded event = responded(caller, true);

        publish(event, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        await().untilAsserted(() -> assertThat(received(path)).hasSize(1));
        assertThat(received(path).get(0).getHeader("traceparent"))
                .as("the same trace, a span of delivery-service's own")
                .matches("00-4bf92f3577b34da6a3ce929d0e0e4736-(?!00f067aa0ba902b7)[0-9a-f]{16}-01");
    }

    @Test
    void timeoutsAndCancelsCarryWhatAPollShowsAndEndpointsGetOnlyTheirEvents() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String all = "/receiver/all/" + UUID.randomUUID();
        String cancelsOnly = "/receiver/cancels/" + UUID.randomUUID();
        registerWebhook(caller, all);
        registerWebhook(caller, cancelsOnly, "pause.cancelled");
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        PauseTimedOut withDefault = new PauseTimedOut("evt_" + UUID.randomUUID(), at, 1, "psr_" + UUID.randomUUID(),
                caller.developerId(), true, "Reject", at, Map.of("run_id", "r-7"));
        PauseTimedOut withoutDefault = new PauseTimedOut("evt_" + UUID.randomUUID(), at, 1, "psr_" + UUID.randomUUID(),
                caller.developerId(), true, null, at, null);
        PauseCancelled cancelled = new PauseCancelled("evt_" + UUID.randomUUID(), at, 1, "psr_" + UUID.randomUUID(),
                caller.developerId(), true, at, null, "203.0.113.5");

        publish(withDefault);
        publish(withoutDefault);
        publish(cancelled);

        await().untilAsserted(() -> assertThat(received(all)).hasSize(3));
        Map<String, String> data = new java.util.HashMap<>();
        received(all).forEach(r -> data.put(r.getHeader("X-PausePoint-Delivery"),
                r.getBodyAsString().replaceAll(".*\"data\":", "")));
        assertThat(data.get(withDefault.eventId()))
                .isEqualTo("{\"choice\":\"Reject\",\"text\":null,\"response_at\":\"" + at + "\",\"metadata\":{\"run_id\":\"r-7\"}}}");
        assertThat(data.get(withoutDefault.eventId()))
                .isEqualTo("{\"choice\":null,\"text\":null,\"response_at\":null,\"metadata\":null}}");
        assertThat(data.get(cancelled.eventId()))
                .isEqualTo("{\"choice\":null,\"text\":null,\"response_at\":null,\"metadata\":null}}");
        await().untilAsserted(() -> assertThat(received(cancelsOnly)).hasSize(1));
        assertThat(received(cancelsOnly).get(0).getHeader("X-PausePoint-Event")).isEqualTo("pause.cancelled");
    }

    @Test
    void testModePausesFireTestEndpointsOnlyAndReplaysPostOnce() {
        CallerIdentity live = developer(KeyMode.LIVE);
        CallerIdentity test = sameDeveloper(live, KeyMode.TEST);
        String livePath = "/receiver/live/" + UUID.randomUUID();
        String testPath = "/receiver/test/" + UUID.randomUUID();
        String liveId = registerWebhook(live, livePath);
        registerWebhook(test, testPath);
        PauseResponded event = responded(live, false);

        publish(event);
        await().untilAsserted(() -> assertThat(received(testPath)).hasSize(1));
        RecordMetadata replay = publish(event);
        awaitConsumed("delivery-service-webhooks", replay);

        assertThat(received(testPath).get(0).getBodyAsString()).contains("\"livemode\":false");
        assertThat(received(testPath)).hasSize(1);
        assertThat(received(livePath)).isEmpty();
        assertThat(deliveries(live, liveId)).isEmpty();
    }

    @Test
    void aDeletedEndpointGetsNothingMore() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String path = "/receiver/deleted/" + UUID.randomUUID();
        String webhookId = registerWebhook(caller, path);
        assertThat(client.send("DELETE", "/v1/webhooks/" + webhookId, null, null, caller).status()).isEqualTo(204);

        RecordMetadata record = publish(responded(caller, true));
        awaitConsumed("delivery-service-webhooks", record);

        assertThat(jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE webhook_id = ?").param(webhookId)
                .query(Integer.class).single()).isZero();
        assertThat(received(path)).isEmpty();
    }

    /** A pending delivery of {@code webhookId}, due in a day (no worker takes it meanwhile), made {@code daysAgo}. */
    private String pendingDelivery(String webhookId, int daysAgo) {
        String id = "wdl_" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO webhook_delivery (id, webhook_id, event_id, event, pause_id, data, status, next_attempt_at, created_at)
                VALUES (?, ?, ?, 'pause.responded', 'psr_x', '{}', 'pending', now() + interval '1 day',
                        now() - make_interval(days => ?))""")
                .params(id, webhookId, "evt_" + UUID.randomUUID(), daysAgo).update();
        return id;
    }

    private Map<String, Object> deliveryRow(String deliveryId) {
        return jdbc.sql("SELECT status, next_attempt_at FROM webhook_delivery WHERE id = ?").param(deliveryId)
                .query().singleRow();
    }

    @Test
    void deletingAnEndpointGivesUpItsPendingDeliveriesAndNoOtherEndpoints() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String deleted = registerWebhook(caller, "/receiver/given-up/" + UUID.randomUUID());
        String kept = registerWebhook(caller, "/receiver/kept/" + UUID.randomUUID());
        String deletedsDelivery = pendingDelivery(deleted, 0);
        String keptsDelivery = pendingDelivery(kept, 0);

        assertThat(client.send("DELETE", "/v1/webhooks/" + deleted, null, null, caller).status()).isEqualTo(204);

        assertThat(deliveryRow(deletedsDelivery)).containsEntry("status", "failed").containsEntry("next_attempt_at", null);
        assertThat(deliveryRow(keptsDelivery)).containsEntry("status", "pending");
        assertThat(deliveryRow(keptsDelivery).get("next_attempt_at")).isNotNull();
    }

    @Test
    void aFailingReceiverIsRetriedOnTheDocumentedScheduleThenTheDeliveryFails() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String path = "/receiver/failing/" + UUID.randomUUID();
        String webhookId = registerWebhook(caller, path);
        OUTSIDE.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500).withBody("receiver broke")));
        clock.freeze();
        PauseResponded event = responded(caller, true);
        List<Duration> schedule = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
        long retryingBefore = posts("retrying");
        long failedBefore = posts("failed");
        double failedDeliveriesBefore = failedDeliveries();

        publish(event);
        await().untilAsserted(() -> assertThat(deliveries(caller, webhookId)).hasSize(1));
        // Read at most every 5 s: the delivery waits for its retry, and the backlog shows it.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(meters.get("pausepoint.webhooks.backlog")
                .tag("state", "scheduled").gauge().value()).isGreaterThanOrEqualTo(1));

        for (int attempt = 1; attempt <= 7; attempt++) {
            int done = attempt;
            await().untilAsserted(() -> assertThat(deliveries(caller, webhookId)).hasSize(done));
            JsonNode latest = deliveries(caller, webhookId).get(0);
            assertThat(latest.get("attempt").asInt()).isEqualTo(attempt);
            assertThat(latest.get("status_code").asInt()).isEqualTo(500);
            assertThat(latest.get("error").asString()).isEqualTo("HTTP 500: receiver broke");
            Instant next = Instant.parse(latest.get("next_attempt_at").asString());
            Duration wait = schedule.get(attempt - 1);
            Instant attemptedAt = Instant.parse(latest.get("created_at").asString());
            // +/- 10 % jitter, and one second either way for whole-second timestamps.
            assertThat(Duration.between(attemptedAt, next)).isBetween(
                    Duration.ofMillis(wait.toMillis() * 9 / 10).minusSeconds(1),
                    Duration.ofMillis(wait.toMillis() * 11 / 10).plusSeconds(1));
            clock.advance(Duration.between(clock.instant(), next).plusSeconds(1));
        }
        await().untilAsserted(() -> assertThat(deliveries(caller, webhookId)).hasSize(8));

        List<JsonNode> attempts = deliveries(caller, webhookId);
        assertThat(attempts).extracting(a -> a.get("attempt").asInt()).containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(attempts.get(0).get("next_attempt_at").isNull()).isTrue();
        assertThat(attempts).extracting(a -> a.get("delivery_id").asString()).containsOnly(
                attempts.get(0).get("delivery_id").asString());
        assertThat(jdbc.sql("SELECT status FROM webhook_delivery WHERE webhook_id = ?").param(webhookId)
                .query(String.class).single()).isEqualTo("failed");
        assertThat(received(path)).hasSize(8).allSatisfy(r -> {
            assertThat(r.getHeader("X-PausePoint-Delivery")).isEqualTo(event.eventId());
            assertThat(r.getHeader("X-PausePoint-Signature")).isEqualTo(expectedSignature(r.getBody()));
        });
        assertThat(received(path)).extracting(r -> r.getHeader("X-PausePoint-Timestamp")).doesNotHaveDuplicates();
        assertThat(posts("retrying") - retryingBefore).as("each failed post, timed").isGreaterThanOrEqualTo(7);
        assertThat(posts("failed") - failedBefore).as("the last one").isGreaterThanOrEqualTo(1);
        assertThat(failedDeliveries() - failedDeliveriesBefore).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aReceiverThatRecoversEndsDelivered() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String path = "/receiver/recovers/" + UUID.randomUUID();
        String webhookId = registerWebhook(caller, path);
        OUTSIDE.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503)));
        clock.freeze();

        publish(responded(caller, true));
        await().untilAsserted(() -> assertThat(deliveries(caller, webhookId)).hasSize(1));
        OUTSIDE.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        clock.advance(Duration.ofSeconds(6));

        await().untilAsserted(() -> assertThat(deliveries(caller, webhookId)).hasSize(2));
        JsonNode last = deliveries(caller, webhookId).get(0);
        assertThat(last.get("status_code").asInt()).isEqualTo(204);
        assertThat(last.get("next_attempt_at").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT status FROM webhook_delivery WHERE webhook_id = ?").param(webhookId)
                .query(String.class).single()).isEqualTo("delivered");
    }

    /**
     * A slow endpoint holds back only its own deliveries, also when slow endpoints want more posts in
     * flight than the instance has: four other developers' 17 endpoints each, answering after 4 s, want
     * 272 posts at once (4 per endpoint), more than the instance's 256. Every delivery to a fast
     * endpoint, the slow endpoint's own developer's included, still arrives within 2 s of its event,
     * well before any slow post could have freed a slot.
     */
    @Test
    void aSlowEndpointHoldsBackOnlyItsOwnDeliveries() throws Exception {
        CallerIdentity caller = developer(KeyMode.LIVE);
        CallerIdentity other = developer(KeyMode.LIVE);
        Map<String, CallerIdentity> crowdEndpoints = new java.util.HashMap<>();
        try (StallingReceiver slowReceivers = StallingReceiver.answeringAfter(RECEIVER_HOST, Duration.ofSeconds(4))) {
            String slow = "/receiver/slow/" + UUID.randomUUID();
            registerWebhookUrl(caller, slowReceivers.url(RECEIVER_HOST, slow));
            String fast = "/receiver/fast/" + UUID.randomUUID();
            registerWebhook(caller, fast);
            String othersPath = "/receiver/other/" + UUID.randomUUID();
            registerWebhook(other, othersPath);
            List<CallerIdentity> crowd = List.of(developer(KeyMode.LIVE), developer(KeyMode.LIVE),
                    developer(KeyMode.LIVE), developer(KeyMode.LIVE));
            for (CallerIdentity developer : crowd) {
                for (int e = 0; e < 17; e++) {
                    crowdEndpoints.put(registerWebhookUrl(developer,
                            slowReceivers.url(RECEIVER_HOST, "/receiver/crowd/" + UUID.randomUUID())), developer);
                }
            }
            for (int i = 0; i < 6; i++) {
                crowd.forEach(developer -> publish(responded(developer, true)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> slowReceivers.open() >= crowdEndpoints.size());

            Map<String, Instant> published = new java.util.HashMap<>();
            for (int i = 0; i < 12; i++) {
                for (PauseResponded event : List.of(responded(caller, true), responded(other, true))) {
                    published.put(event.eventId(), Instant.now());
                    publish(event);
                }
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(received(fast)).hasSize(12);
                assertThat(received(othersPath)).hasSize(12);
            });
            List<Duration> latencies = java.util.stream.Stream.concat(received(fast).stream(), received(othersPath).stream())
                    .map(request -> Duration.between(published.get(request.getHeader("X-PausePoint-Delivery")),
                            request.getLoggedDate().toInstant()))
                    .toList();
            assertThat(latencies).as("fast deliveries' latencies from their event: %s", latencies)
                    .allSatisfy(latency -> assertThat(latency).isLessThanOrEqualTo(Duration.ofSeconds(2)));
            assertThat(slowReceivers.peak(slow)).as("posts held at once by the slow endpoint").isBetween(1, 4);
            await().atMost(Duration.ofSeconds(60)).until(() -> slowReceivers.answered(slow) == 12);
        } finally {
            // Deleting gives up the crowd's remaining deliveries, so no later test waits behind them.
            crowdEndpoints.forEach((webhookId, owner) ->
                    client.send("DELETE", "/v1/webhooks/" + webhookId, null, null, owner));
        }
    }

    @Test
    void aRedirectIsNotFollowed() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String path = "/receiver/redirects/" + UUID.randomUUID();
        String target = "/ssrf/redirect-target/" + UUID.randomUUID();
        String webhookId = registerWebhook(caller, path);
        OUTSIDE.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(307)
                .withHeader("Location", "http://127.0.0.1:" + OUTSIDE.port() + target)));
        OUTSIDE.stubFor(post(urlEqualTo(target)).willReturn(aResponse().withStatus(200)));

        publish(responded(caller, true));

        await().untilAsserted(() -> assertThat(deliveries(caller, webhookId)).hasSize(1));
        JsonNode attempt = deliveries(caller, webhookId).get(0);
        assertThat(attempt.get("status_code").asInt()).isEqualTo(307);
        assertThat(attempt.get("error").asString()).isEqualTo("HTTP 307 (redirects are not followed)");
        OUTSIDE.verify(0, anyRequestedFor(urlEqualTo(target)));
    }

    /**
     * DNS can change after registration: an endpoint whose host now resolves to a private address is
     * refused at delivery, before any connection (simulated by storing such a URL directly).
     */
    @Test
    void everyDeliveryChecksTheDestinationAgain() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String path = "/ssrf/rebound/" + UUID.randomUUID();
        String webhookId = webhookEndpointAt(caller, "https://localhost:" + OUTSIDE.httpsPort() + path);

        publish(responded(caller, true));

        await().untilAsserted(() -> assertThat(deliveries(caller, webhookId)).hasSize(1));
        JsonNode attempt = deliveries(caller, webhookId).get(0);
        assertThat(attempt.get("status_code").isNull()).isTrue();
        assertThat(attempt.get("error").asString())
                .isEqualTo("refused, not contacted: the URL must resolve only to public addresses");
        OUTSIDE.verify(0, anyRequestedFor(urlEqualTo(path)));
    }

    /** A delivery another instance left mid-schedule is posted by this one, from the database alone. */
    @Test
    void aScheduleLeftByAStoppedInstanceIsResumedFromTheDatabase() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String path = "/receiver/resumed/" + UUID.randomUUID();
        String webhookId = registerWebhook(caller, path);
        String eventId = "evt_" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO webhook_delivery (id, webhook_id, event_id, event, pause_id, data, status, attempts,
                    next_attempt_at, created_at)
                VALUES (?, ?, ?, 'pause.cancelled', 'psr_resumed',
                    '{"choice": null, "text": null, "response_at": null, "metadata": null}', 'pending', 3,
                    now() - interval '1 second', now() - interval '1 hour')""")
                .params("wdl_" + UUID.randomUUID(), webhookId, eventId).update();

        await().untilAsserted(() -> assertThat(received(path)).hasSize(1));

        assertThat(received(path).get(0).getHeader("X-PausePoint-Delivery")).isEqualTo(eventId);
        await().untilAsserted(() -> assertThat(deliveries(caller, webhookId)).singleElement()
                .satisfies(attempt -> assertThat(attempt.get("attempt").asInt()).isEqualTo(4)));
    }

    @Autowired
    WebhookLogPurge purge;

    @Test
    void finishedDeliveriesPastTheRetentionArePurgedWithTheirAttempts() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String path = "/receiver/purge/" + UUID.randomUUID();
        String webhookId = registerWebhook(caller, path);
        publish(responded(caller, true));
        await().untilAsserted(() -> assertThat(deliveries(caller, webhookId)).hasSize(1));
        String stillPending = pendingDelivery(webhookId, 40);

        purge.purge();
        assertThat(deliveries(caller, webhookId)).as("within the retention").hasSize(1);
        jdbc.sql("UPDATE webhook_delivery SET created_at = created_at - interval '31 days' WHERE webhook_id = ? AND status = 'delivered'")
                .param(webhookId).update();
        purge.purge();

        assertThat(deliveries(caller, webhookId)).isEmpty();
        assertThat(jdbc.sql("SELECT id FROM webhook_delivery WHERE webhook_id = ?").param(webhookId)
                .query(String.class).list()).containsExactly(stillPending);
    }
}
