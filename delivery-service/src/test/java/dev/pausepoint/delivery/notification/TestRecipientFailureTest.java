package dev.pausepoint.delivery.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.delivery.DeliveryApiTest;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.delivery.NotificationFailed;
import dev.pausepoint.events.delivery.NotificationSent;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.events.pause.PauseEscalated;
import dev.pausepoint.kit.EventReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A test pause whose test recipient fails delivery (docs/testing.md): its sandbox message is stored and sent
 * on as for any test pause, then its failure follows, in that order, once however often the event comes.
 */
class TestRecipientFailureTest extends DeliveryApiTest {

    private static final String DEVELOPER = "dev_" + UUID.randomUUID();

    @Autowired
    NotificationRepository notifications;

    @Test
    void theSandboxMessageThenTheSimulatedFailureOnEveryChannelAndOnceOnAReplay() {
        List<PauseCreated> pauses = List.of(pauseCreated(DEVELOPER, false, "sms", "+15005550008"),
                pauseCreated(DEVELOPER, false, "email", "fail@test.pausepoint.dev"),
                pauseCreated(DEVELOPER, false, "slack", "https://hooks.slack.com/services/PAUSEPOINT/TEST/fail"));
        pauses.forEach(this::publish);
        RecordMetadata replay = publish(pauses.get(0));
        awaitConsumed("delivery-service-notifications", replay);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM outbox_event")
                .query(Long.class).single() == 0);

        for (PauseCreated pause : pauses) {
            List<Event> events = EventReader.readFenced(Topics.DELIVERY_EVENTS,
                    event -> event instanceof NotificationSent sent && sent.pauseId().equals(pause.pauseId())
                            || event instanceof NotificationFailed failed && failed.pauseId().equals(pause.pauseId()));
            assertThat(events).as(pause.channel()).hasSize(2);
            assertThat(events.get(0)).isInstanceOfSatisfying(NotificationSent.class, sent -> {
                assertThat(sent.sandbox()).isTrue();
                assertThat(sent.renderedMessage()).contains(pause.respondUrl());
            });
            assertThat(events.get(1)).isInstanceOfSatisfying(NotificationFailed.class, failed -> {
                assertThat(failed.error()).isEqualTo("test recipient: simulated delivery failure");
                assertThat(failed.livemode()).isFalse();
                assertThat(failed.attempts()).isZero();
                assertThat(failed.channel()).isEqualTo(pause.channel());
            });
            assertThat(notification(pause.pauseId())).containsEntry("status", "failed")
                    .containsEntry("last_error", "test recipient: simulated delivery failure");
            assertThat(notifications.history(pause.pauseId(), DEVELOPER, false, 100)).singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.status()).isEqualTo("failed");
                        assertThat(entry.error()).isEqualTo("test recipient: simulated delivery failure");
                        assertThat(entry.attempt()).isNull();
                    });
        }
    }

    @Test
    void anOrdinaryTestPauseAndALivePauseToAFailingAddressAreNotFailedHere() {
        PauseCreated ordinary = pauseCreated(DEVELOPER, false, "sms", "+15005550007");
        RecordMetadata record = publish(ordinary);
        awaitConsumed("delivery-service-notifications", record);
        assertThat(notification(ordinary.pauseId())).containsEntry("status", "sandbox");
        assertThat(notifications.history(ordinary.pauseId(), DEVELOPER, false, 100)).singleElement()
                .satisfies(entry -> assertThat(entry.status()).isEqualTo("sandbox"));
    }
    @Test
    void anEscalationStepToAFailingTestRecipientFailsThatNotificationAlone() {
        PauseCreated pause = pauseCreated(DEVELOPER, false, "sms", "+15005550007");
        publish(pause);
        PauseEscalated step = new PauseEscalated("evt_" + UUID.randomUUID(), pause.occurredAt().plusSeconds(600), 1,
                pause.pauseId(), DEVELOPER, false, 1, 1, "email", "fail@test.pausepoint.dev", pause.message(),
                pause.options(), pause.respondUrl() + "-slot1", pause.expiresAt(), null, null, null, null);
        RecordMetadata record = publish(step);
        awaitConsumed("delivery-service-notifications", record);

        assertThat(notification(pause.pauseId(), 0)).as("the first message").containsEntry("status", "sandbox");
        assertThat(notification(pause.pauseId(), 1)).as("the step's").containsEntry("status", "failed")
                .containsEntry("last_error", "test recipient: simulated delivery failure");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM outbox_event")
                .query(Long.class).single() == 0);
        List<Event> failures = EventReader.readFenced(Topics.DELIVERY_EVENTS,
                event -> event instanceof NotificationFailed failed && failed.pauseId().equals(pause.pauseId()));
        assertThat(failures).singleElement().isInstanceOfSatisfying(NotificationFailed.class,
                failed -> assertThat(failed.notification()).isEqualTo(1));
    }
}
