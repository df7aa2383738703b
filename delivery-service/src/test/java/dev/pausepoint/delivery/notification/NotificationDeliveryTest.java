package dev.pausepoint.delivery.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.delivery.DeliveryApiTest;
import dev.pausepoint.delivery.channel.SmsSegments;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.delivery.NotificationDelivered;
import dev.pausepoint.events.delivery.NotificationFailed;
import dev.pausepoint.events.delivery.NotificationSent;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.kit.asker.Asker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * docs/api-reference.md, "Channels": what each provider receives, retries, failures, test keys and
 * replays.
 */
class NotificationDeliveryTest extends DeliveryApiTest {

    private static final String DEVELOPER = "dev_" + UUID.randomUUID();

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    NotificationWorker worker;

    @Autowired
    MeterRegistry meters;

    /** Slack provider calls that left a notification {@code outcome} (pausepoint.notifications.attempts). */
    private long slackAttempts(String outcome) {
        Timer timer = meters.find("pausepoint.notifications.attempts").tags("channel", "slack", "outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private static void twilioAnswers(String to, int status, String body) {
        OUTSIDE.stubFor(post(urlEqualTo(TWILIO_MESSAGES)).withFormParam("To", equalTo(to))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String twilioAccepted(String to) {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        twilioAnswers(to, 201, """
                {"sid": "%s", "account_sid": "%s", "to": "%s", "from": "+15005550006", "status": "queued"}"""
                .formatted(sid, TWILIO_SID, to));
        return sid;
    }

    private static List<LoggedRequest> twilioRequestsTo(String to) {
        return OUTSIDE.findAll(postRequestedFor(urlEqualTo(TWILIO_MESSAGES)).withFormParam("To", equalTo(to)));
    }

    @Test
    void theProviderCallIsASpanOfThePausesTraceAndTheEventItCausedCarriesIt() {
        String to = phone();
        twilioAccepted(to);
        PauseCreated pause = pauseCreated(DEVELOPER, true, "sms", to);

        publish(pause, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        ConsumerRecord<String, String> sent = EventReader.firstRecord(Topics.DELIVERY_EVENTS,
                event -> event instanceof NotificationSent s && s.pauseId().equals(pause.pauseId()));
        Header traceparent = sent.headers().lastHeader("traceparent");
        assertThat(traceparent).as("NotificationSent published inside the send's span").isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.ISO_8859_1))
                .as("the pause's trace, a span of delivery-service's own")
                .matches("00-4bf92f3577b34da6a3ce929d0e0e4736-(?!00f067aa0ba902b7)[0-9a-f]{16}-01");
    }

    @Test
    void smsGoesToTwilioAsTheExactMessageWithOurStatusCallback() {
        String to = phone();
        String sid = twilioAccepted(to);
        PauseCreated pause = pauseCreated(DEVELOPER, true, "sms", to);

        publish(pause);

        await().untilAsserted(() -> assertThat(twilioRequestsTo(to)).hasSize(1));
        LoggedRequest request = twilioRequestsTo(to).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((TWILIO_SID + ":" + TWILIO_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.formParameters()).containsOnlyKeys("To", "From", "Body", "StatusCallback");
        assertThat(request.formParameter("From").firstValue()).isEqualTo("+15005550006");
        assertThat(request.formParameter("Body").firstValue()).isEqualTo(
                "[PausePoint] Deploy v2.3 to production?\n\nRespond here: " + pause.respondUrl());
        assertThat(request.formParameter("StatusCallback").firstValue())
                .isEqualTo("https://pausepoint.example/v1/providers/twilio/status");

        NotificationSent sent = EventReader.first(Topics.DELIVERY_EVENTS, NotificationSent.class,
                e -> e.pauseId().equals(pause.pauseId()));
        assertThat(sent.channel()).isEqualTo("sms");
        assertThat(sent.livemode()).isTrue();
        assertThat(sent.attempt()).isEqualTo(1);
        assertThat(sent.providerMessageId()).isEqualTo(sid);
        assertThat(sent.sandbox()).isFalse();
        assertThat(sent.renderedMessage()).isNull();
        assertThat(notification(pause.pauseId())).containsEntry("status", "sent").containsEntry("attempts", 1);
    }

    @Test
    void aLongSmsIsShortenedToTheSegmentCapAndTheLinkStaysWhole() {
        String to = phone();
        twilioAccepted(to);
        PauseCreated template = pauseCreated(DEVELOPER, true, "sms", to);
        PauseCreated pause = new PauseCreated(template.eventId(), template.occurredAt(), 1, template.pauseId(),
                DEVELOPER, true, "sms", to, "x".repeat(2000), template.options(), false, null, null,
                template.respondUrl(), template.expiresAt(), template.actorIp());

        publish(pause);

        await().untilAsserted(() -> assertThat(twilioRequestsTo(to)).hasSize(1));
        String body = twilioRequestsTo(to).get(0).formParameter("Body").firstValue();
        // Four segments of 153 septets by default: "[PausePoint] " is 15 (brackets count 2), the link line 95.
        assertThat(body).isEqualTo("[PausePoint] " + "x".repeat(612 - 15 - 3 - 95) + "...\n\nRespond here: "
                + pause.respondUrl());
        assertThat(SmsSegments.count(body)).isEqualTo(4);
    }

    /** The destination rule again at send time: the setting may have changed since the pause was created. */
    @Test
    void anSmsToACountryNotAllowedFailsAtOnceWithoutCallingTwilio() {
        String to = "+447946" + (100000 + ThreadLocalRandom.current().nextInt(899999));
        twilioAccepted(to);
        PauseCreated pause = pauseCreated(DEVELOPER, true, "sms", to);

        publish(pause);

        await().untilAsserted(() -> assertThat(notification(pause.pauseId())).containsEntry("status", "failed"));
        assertThat(notification(pause.pauseId())).containsEntry("attempts", 1).containsEntry("last_error",
                "refused, not sent: country calling code +44 is not allowed here (allowed: +1)");
        NotificationFailed failed = EventReader.first(Topics.DELIVERY_EVENTS, NotificationFailed.class,
                e -> e.pauseId().equals(pause.pauseId()));
        assertThat(failed.error()).isEqualTo("refused, not sent: country calling code +44 is not allowed here (allowed: +1)");
        assertThat(twilioRequestsTo(to)).isEmpty();
    }

    @Test
    void emailGoesToSendGridWithOneButtonPerOptionAndAPlainTextPart() {
        String to = "approver-" + UUID.randomUUID() + "@example.com";
        PauseCreated pause = pauseCreated(DEVELOPER, true, "email", to);

        publish(pause);

        await().untilAsserted(() -> assertThat(OUTSIDE.findAll(postRequestedFor(urlEqualTo("/v3/mail/send"))
                .withRequestBody(containing(to)))).hasSize(1));
        LoggedRequest request = OUTSIDE.findAll(postRequestedFor(urlEqualTo("/v3/mail/send"))
                .withRequestBody(containing(to))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer SG.test-key");
        String approve = pause.respondUrl() + "?choice=Approve";
        String reject = pause.respondUrl() + "?choice=Reject";
        OUTSIDE.verify(postRequestedFor(urlEqualTo("/v3/mail/send"))
                .withRequestBody(matchingJsonPath("$.personalizations[0].to[0].email", equalTo(to)))
                .withRequestBody(matchingJsonPath("$.from.email", equalTo("agents@pausepoint.test")))
                .withRequestBody(matchingJsonPath("$.subject", equalTo("Action required from your AI agent")))
                .withRequestBody(matchingJsonPath("$.content[0].type", equalTo("text/plain")))
                .withRequestBody(matchingJsonPath("$.content[0].value", equalTo("Deploy v2.3 to production?\n\n"
                        + "Choose one:\n- Approve: " + approve + "\n- Reject: " + reject + "\n\nOr open "
                        + pause.respondUrl() + "\n\n" + Asker.silence(pause.expiresAt(), "Reject") + "\n")))
                .withRequestBody(matchingJsonPath("$.content[1].type", equalTo("text/html")))
                .withRequestBody(matchingJsonPath("$.content[1].value", containing("href=\"" + approve + "\"")))
                .withRequestBody(matchingJsonPath("$.content[1].value", containing("href=\"" + reject + "\"")))
                .withRequestBody(matchingJsonPath("$.content[1].value", containing("display:block;width:100%")))
                .withRequestBody(matchingJsonPath("$.custom_args.pause_id", equalTo(pause.pauseId()))));
        String html = request.getBodyAsString();
        assertThat(html.split("display:block;width:100%", -1)).hasSize(3); // exactly one full-width button per option
        await().untilAsserted(() -> assertThat(notification(pause.pauseId())).containsEntry("status", "sent"));
    }

    /** The names and the expiry are kept with the notification, so the worker's send names the sender too. */
    @Test
    void aLiveEmailNamesWhoAsksAndWhatSilenceMeans() {
        String to = "approver-" + UUID.randomUUID() + "@example.com";
        PauseCreated base = pauseCreated(DEVELOPER, true, "email", to);
        PauseCreated pause = new PauseCreated(base.eventId(), base.occurredAt(), 1, base.pauseId(), DEVELOPER, true,
                "email", to, base.message(), base.options(), false, "Reject", null, base.respondUrl(),
                Instant.parse("2036-11-28T14:00:00Z"), base.actorIp(), "deploy-bot", "Acme\r\nBcc: x@example.com");

        publish(pause);

        await().untilAsserted(() -> assertThat(OUTSIDE.findAll(postRequestedFor(urlEqualTo("/v3/mail/send"))
                .withRequestBody(containing(to)))).hasSize(1));
        OUTSIDE.verify(postRequestedFor(urlEqualTo("/v3/mail/send"))
                .withRequestBody(matchingJsonPath("$.personalizations[0].to[0].email", equalTo(to)))
                .withRequestBody(matchingJsonPath("$.subject", equalTo("Acme  Bcc: x@example.com needs your answer")))
                .withRequestBody(matchingJsonPath("$.content[0].value", containing(
                        "Acme  Bcc: x@example.com is asking, through its agent deploy-bot.\n\nDeploy v2.3 to production?")))
                .withRequestBody(matchingJsonPath("$.content[0].value", containing("If no one answers by 28 Nov 2036, "
                        + "14:00 UTC, the agent will go ahead with ‘Reject’.")))
                .withRequestBody(matchingJsonPath("$.content[1].value", containing("through its agent <bdi>deploy-bot</bdi>"))));
    }

    @Test
    void slackGetsHeaderMessageOptionsAndARespondButtonAndA200IsDelivery() {
        String path = "/services/T000/B000/" + UUID.randomUUID();
        OUTSIDE.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withBody("ok")));
        PauseCreated pause = pauseCreated(DEVELOPER, true, "slack", receiver(path));

        publish(pause);

        await().untilAsserted(() -> OUTSIDE.verify(1, postRequestedFor(urlEqualTo(path))));
        OUTSIDE.verify(postRequestedFor(urlEqualTo(path)).withRequestBody(equalToJson("""
                {"text": "Action required from an AI agent: Deploy v2.3 to production?",
                 "blocks": [
                   {"type": "header", "text": {"type": "plain_text", "text": "Action required from an AI agent"}},
                   {"type": "section", "text": {"type": "mrkdwn", "text": "Deploy v2.3 to production?"}},
                   {"type": "section", "text": {"type": "mrkdwn", "text": "Options: Approve | Reject"}},
                   {"type": "actions", "elements": [{"type": "button", "url": "%s", "style": "primary",
                     "text": {"type": "plain_text", "text": "Respond Now"}}]}]}""".formatted(pause.respondUrl()))));
        NotificationDelivered delivered = EventReader.first(Topics.DELIVERY_EVENTS, NotificationDelivered.class,
                e -> e.pauseId().equals(pause.pauseId()));
        assertThat(delivered.channel()).isEqualTo("slack");
        assertThat(notification(pause.pauseId())).containsEntry("status", "delivered");
    }

    @Test
    void aTestKeyPauseReachesNoProviderAndCarriesTheRenderedMessage() {
        String to = phone();
        PauseCreated pause = pauseCreated(DEVELOPER, false, "sms", to);

        RecordMetadata record = publish(pause);

        NotificationSent sent = EventReader.first(Topics.DELIVERY_EVENTS, NotificationSent.class,
                e -> e.pauseId().equals(pause.pauseId()));
        assertThat(sent.sandbox()).isTrue();
        assertThat(sent.livemode()).isFalse();
        assertThat(sent.attempt()).as("nothing was attempted").isZero();
        assertThat(sent.providerMessageId()).isNull();
        assertThat(sent.renderedMessage()).isEqualTo(
                "[PausePoint] Deploy v2.3 to production?\n\nRespond here: " + pause.respondUrl());
        awaitConsumed("delivery-service-notifications", record);
        assertThat(notification(pause.pauseId())).containsEntry("status", "sandbox");
        assertThat(OUTSIDE.findAll(postRequestedFor(anyUrl()).withRequestBody(containing(to.substring(1))))).isEmpty();
    }

    /** The sandbox's notification and its event are one statement: a replay finds the row and writes neither. */
    @Test
    void aReplayedTestPauseCreatedFinishesItsSandboxOnce() {
        PauseCreated pause = pauseCreated(DEVELOPER, false, "sms", phone());

        publish(pause);
        await().untilAsserted(() -> assertThat(notification(pause.pauseId())).containsEntry("status", "sandbox"));
        RecordMetadata replay = publish(pause);
        awaitConsumed("delivery-service-notifications", replay);
        // Everything the outbox held is on the topic before the fences go out.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM outbox_event")
                .query(Long.class).single() == 0);

        assertThat(EventReader.readFenced(Topics.DELIVERY_EVENTS,
                event -> event instanceof NotificationSent sent && sent.pauseId().equals(pause.pauseId())))
                .as("one sandbox event for the pause, not one per delivery of its event").hasSize(1);
    }

    /**
     * The sandboxes of a poll are written together: a poll holding several test pauses and a replay of one of
     * them (the listener held while they are published, so they come in one poll) still finishes each once.
     */
    @Test
    void aPollOfTestPausesWithAReplayAmongThemFinishesEachSandboxOnce() {
        List<PauseCreated> pauses = IntStream.range(0, 6)
                .mapToObj(i -> pauseCreated(DEVELOPER, false, i % 2 == 0 ? "sms" : "email",
                        i % 2 == 0 ? phone() : "ops" + i + "@example.com"))
                .toList();
        MessageListenerContainer listener = listeners.getListenerContainer("delivery-notifications");
        listener.pause();
        RecordMetadata last;
        try {
            await().atMost(Duration.ofSeconds(10)).until(listener::isContainerPaused);
            pauses.forEach(this::publish);
            last = publish(pauses.get(3));
        } finally {
            listener.resume();
        }
        awaitConsumed("delivery-service-notifications", last);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM outbox_event")
                .query(Long.class).single() == 0);

        for (PauseCreated pause : pauses) {
            assertThat(notification(pause.pauseId())).containsEntry("status", "sandbox");
        }
        List<String> ids = pauses.stream().map(PauseCreated::pauseId).toList();
        List<NotificationSent> sent = EventReader.readFenced(Topics.DELIVERY_EVENTS,
                event -> event instanceof NotificationSent one && ids.contains(one.pauseId())).stream()
                .map(NotificationSent.class::cast).toList();
        assertThat(sent).as("one sandbox event per pause, the replayed one included")
                .extracting(NotificationSent::pauseId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(sent).allSatisfy(one -> assertThat(one.sandbox()).isTrue());
    }

    @Test
    void aReplayedPauseCreatedSendsOneMessage() {
        String to = phone();
        twilioAccepted(to);
        PauseCreated pause = pauseCreated(DEVELOPER, true, "sms", to);

        publish(pause);
        await().untilAsserted(() -> assertThat(notification(pause.pauseId())).containsEntry("status", "sent"));
        RecordMetadata replay = publish(pause);
        awaitConsumed("delivery-service-notifications", replay);

        assertThat(twilioRequestsTo(to)).hasSize(1);
        assertThat(notificationAttempts(pause.pauseId())).hasSize(1);
    }

    @Test
    void aProviderFailingTwiceIsRetriedOnTheConfiguredBackoffAndEndsDelivered() {
        String path = "/services/T000/B001/" + UUID.randomUUID();
        String scenario = "flaky-" + path;
        OUTSIDE.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("internal_error")).willSetStateTo("failed once"));
        OUTSIDE.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(503).withBody("service_unavailable")).willSetStateTo("failed twice"));
        OUTSIDE.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        clock.freeze();
        Instant start = clock.instant();
        PauseCreated pause = pauseCreated(DEVELOPER, true, "slack", receiver(path));
        long retryingBefore = slackAttempts("retrying");
        long sentBefore = slackAttempts("sent");

        publish(pause);

        // Attempt 1 fails; attempt 2 is due 30 s later (configured), give or take the 10 % jitter.
        await().untilAsserted(() -> assertThat(notification(pause.pauseId())).containsEntry("attempts", 1));
        Instant second = nextAttempt(pause.pauseId());
        assertThat(second).isBetween(start.plusSeconds(27), start.plusSeconds(33));
        clock.advance(Duration.ofSeconds(26));
        worker.runDue();
        assertThat(nextAttempt(pause.pauseId())).as("not due before its time, so not claimed").isEqualTo(second);
        clock.advance(Duration.between(clock.instant(), second));

        // Attempt 2 fails; attempt 3 is due 2 min after it.
        await().untilAsserted(() -> assertThat(notification(pause.pauseId())).containsEntry("attempts", 2));
        Instant third = nextAttempt(pause.pauseId());
        assertThat(third).isBetween(second.plusSeconds(108), second.plusSeconds(132));
        clock.advance(Duration.between(clock.instant(), third));

        await().untilAsserted(() -> assertThat(notification(pause.pauseId())).containsEntry("status", "delivered"));
        assertThat(notification(pause.pauseId())).containsEntry("attempts", 3);
        OUTSIDE.verify(3, postRequestedFor(urlEqualTo(path)));
        assertThat(notificationAttempts(pause.pauseId())).extracting(row -> row.get("status_code"))
                .containsExactly(500, 503, 200);
        assertThat(slackAttempts("retrying") - retryingBefore).as("each failed call, timed").isGreaterThanOrEqualTo(2);
        assertThat(slackAttempts("sent") - sentBefore).isGreaterThanOrEqualTo(1);
        assertThat(EventReader.first(Topics.DELIVERY_EVENTS, NotificationDelivered.class,
                e -> e.pauseId().equals(pause.pauseId()))).isNotNull();
    }

    @Test
    void aProviderThatKeepsFailingGivesUpAfterTheLastConfiguredAttempt() {
        String path = "/services/T000/B002/" + UUID.randomUUID();
        OUTSIDE.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(502).withBody("bad_gateway")));
        clock.freeze();
        PauseCreated pause = pauseCreated(DEVELOPER, true, "slack", receiver(path));

        publish(pause);

        // 30 s, 2 min, 5 min, 10 min: five attempts over more than ten minutes, then failed.
        for (int attempt = 1; attempt <= 4; attempt++) {
            int done = attempt;
            await().untilAsserted(() -> assertThat(notification(pause.pauseId())).containsEntry("attempts", done));
            clock.advance(Duration.between(clock.instant(), nextAttempt(pause.pauseId())));
        }
        await().untilAsserted(() -> assertThat(notification(pause.pauseId())).containsEntry("status", "failed"));
        assertThat(notification(pause.pauseId())).containsEntry("attempts", 5)
                .containsEntry("last_error", "Slack answered 502: bad_gateway");
        List<Map<String, Object>> attempts = notificationAttempts(pause.pauseId());
        assertThat(Duration.between(((Timestamp) attempts.get(0).get("created_at")).toInstant(),
                ((Timestamp) attempts.get(4).get("created_at")).toInstant())).isGreaterThan(Duration.ofMinutes(10));
        NotificationFailed failed = EventReader.first(Topics.DELIVERY_EVENTS, NotificationFailed.class,
                e -> e.pauseId().equals(pause.pauseId()));
        assertThat(failed.attempts()).isEqualTo(5);
    }

    @Test
    void aRejectedNumberFailsAtOnceWithTwiliosReason() {
        String to = phone();
        twilioAnswers(to, 400, """
                {"code": 21211, "message": "The 'To' number %s is not a valid phone number.",
                 "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}""".formatted(to));
        PauseCreated pause = pauseCreated(DEVELOPER, true, "sms", to);

        publish(pause);

        await().untilAsserted(() -> assertThat(notification(pause.pauseId())).containsEntry("status", "failed"));
        assertThat(notification(pause.pauseId())).containsEntry("attempts", 1);
        assertThat((String) notification(pause.pauseId()).get("last_error"))
                .isEqualTo("Twilio answered 400: The 'To' number " + to + " is not a valid phone number.");
        NotificationFailed failed = EventReader.first(Topics.DELIVERY_EVENTS, NotificationFailed.class,
                e -> e.pauseId().equals(pause.pauseId()));
        assertThat(failed.error()).contains("not a valid phone number");
        assertThat(twilioRequestsTo(to)).hasSize(1);
    }

    @Test
    void aSlackUrlOnAPrivateAddressIsRefusedAndNeverContacted() {
        String path = "/services/T000/B003/" + UUID.randomUUID();
        OUTSIDE.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withBody("ok")));
        // "localhost" resolves to loopback and is not an allowed host here.
        PauseCreated pause = pauseCreated(DEVELOPER, true, "slack", "http://localhost:" + OUTSIDE.port() + path);

        publish(pause);

        await().untilAsserted(() -> assertThat(notification(pause.pauseId())).containsEntry("status", "failed"));
        assertThat((String) notification(pause.pauseId()).get("last_error")).startsWith("refused: the Slack URL");
        OUTSIDE.verify(0, postRequestedFor(urlEqualTo(path)));
    }

    /**
     * The schedule lives only in the database: a notification another instance left mid-schedule (two
     * failed attempts, a lease that ran out when it died) is picked up and finished by this one.
     */
    @Test
    void aScheduleLeftByAStoppedInstanceIsResumedFromTheDatabase() {
        String path = "/services/T000/B004/" + UUID.randomUUID();
        OUTSIDE.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withBody("ok")));
        String pauseId = "psr_" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO notification (pause_id, developer_id, livemode, channel, recipient, respond_url, message,
                    options, status, attempts, next_attempt_at, last_error, created_at, updated_at)
                VALUES (?, ?, true, 'slack', ?, 'https://pausepoint.example/respond/t', 'Resume me?',
                    '["Yes", "No"]', 'pending', 2, now() - interval '1 second', 'Slack answered 503', now(), now())""")
                .params(pauseId, DEVELOPER, receiver(path)).update();

        await().untilAsserted(() -> assertThat(notification(pauseId)).containsEntry("status", "delivered"));

        assertThat(notification(pauseId)).containsEntry("attempts", 3);
        assertThat(notificationAttempts(pauseId)).extracting(row -> row.get("attempt")).containsExactly(3);
        OUTSIDE.verify(1, postRequestedFor(urlEqualTo(path)));
    }

    private Instant nextAttempt(String pauseId) {
        return ((Timestamp) notification(pauseId).get("next_attempt_at")).toInstant();
    }
}
