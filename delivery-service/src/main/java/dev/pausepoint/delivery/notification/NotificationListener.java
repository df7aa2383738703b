package dev.pausepoint.delivery.notification;

import dev.pausepoint.delivery.channel.MessageRenderer;
import dev.pausepoint.delivery.channel.SmsPolicy;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.delivery.NotificationFailed;
import dev.pausepoint.events.delivery.NotificationSent;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.events.pause.PauseFollowUp;
import dev.pausepoint.kit.asker.Asker;
import dev.pausepoint.kit.kafka.EventBatches;
import dev.pausepoint.kit.lifecycle.AfterCommit;
import dev.pausepoint.kit.outbox.Outbox;
import dev.pausepoint.kit.tracing.Spans;
import dev.pausepoint.kit.validation.TestRecipient;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns {@code pause.created}, and each later {@code pause.reminded} and {@code pause.escalated}, into a
 * notification to send: number 0 for the first, the event's number for the others. Nothing is sent here:
 * the listener only records the work (so a slow provider never holds up the Kafka poll), and a replayed event
 * finds the row and does nothing. A test-key pause is rendered and finished on the spot: sandbox, no provider;
 * a notification to a test recipient that fails delivery (docs/testing.md) is then reported failed, as a
 * refused send would be.
 */
@Component
public class NotificationListener {

    private final NotificationRepository notifications;
    private final NotificationWorker worker;
    private final Outbox outbox;
    private final Clock clock;
    private final EventBatches batches;
    private final SmsPolicy sms;
    private final Spans spans;
    private final NotificationMetrics metrics;

    public NotificationListener(NotificationRepository notifications, NotificationWorker worker, Outbox outbox,
            Clock clock, EventBatches batches, SmsPolicy sms, Spans spans,
            NotificationMetrics metrics) {
        this.notifications = notifications;
        this.worker = worker;
        this.outbox = outbox;
        this.clock = clock;
        this.batches = batches;
        this.sms = sms;
        this.spans = spans;
        this.metrics = metrics;
    }

    @KafkaListener(id = "delivery-notifications", topics = Topics.PAUSE_EVENTS, groupId = "delivery-service-notifications",
            batch = "true")
    public void on(List<ConsumerRecord<String, Event>> records) {
        batches.apply(records, event -> event instanceof PauseCreated || event instanceof PauseFollowUp, Writer::new);
    }

    /** The notification {@code event} asks for, or null when it asks for none. */
    private static NotificationRepository.Wanted wanted(Event event) {
        if (event instanceof PauseCreated pause) {
            return new NotificationRepository.Wanted(pause.pauseId(), 0, Notification.INITIAL, pause.developerId(),
                    pause.livemode(), pause.channel(), pause.recipient(), pause.respondUrl(), pause.message(),
                    pause.options(), new Asker(pause.accountName(), pause.agentName()), pause.timeoutDefault(),
                    pause.expiresAt());
        }
        if (event instanceof PauseFollowUp followUp) {
            return new NotificationRepository.Wanted(followUp.pauseId(), followUp.notification(), followUp.kind(),
                    followUp.developerId(), followUp.livemode(), followUp.channel(), followUp.recipient(),
                    followUp.respondUrl(), followUp.message(), followUp.options(),
                    new Asker(followUp.accountName(), followUp.agentName()), followUp.timeoutDefault(),
                    followUp.expiresAt());
        }
        return null;
    }

    /**
     * The notifications of one transaction. A test pause's sandbox notification and its
     * {@code NotificationSent} are held back and written with the others of the transaction in one
     * statement, which leaves out the notifications a replay finds there already (and their events); a live
     * pause's notification is recorded as it comes, for the worker to send. The held-back ones are matched to
     * their rows by pause id, so a second notification of a pause already held back first writes those.
     */
    private final class Writer implements EventBatches.BatchWriter {

        /**
         * A test pause's notification held back, with its event made in its record's span, and the failure to
         * report after it when its test recipient fails delivery (null otherwise).
         */
        private record Sandbox(NotificationRepository.Wanted notification, Outbox.Entry sent, NotificationFailed failed) {
        }

        private final Map<String, Sandbox> sandboxes = new LinkedHashMap<>();
        private Instant firstSandbox;

        @Override
        public void add(Event event) {
            NotificationRepository.Wanted wanted = wanted(event);
            if (wanted == null) {
                return;
            }
            Instant now = EventIds.now(clock);
            if (!wanted.livemode()) {
                Sandbox held = sandboxes.get(wanted.pauseId());
                if (held != null && held.notification().notification() == wanted.notification()) {
                    return;
                }
                if (held != null) {
                    finish();
                }
                firstSandbox = firstSandbox == null ? now : firstSandbox;
                sandboxes.put(wanted.pauseId(), new Sandbox(wanted, outbox.entry(NotificationSent.sandbox(
                        EventIds.newEventId(), now, wanted.pauseId(), wanted.developerId(), wanted.channel(),
                        MessageRenderer.sandbox(wanted.channel(), Notification.outgoing(wanted), sms.maxSegments()),
                        wanted.notification())), simulatedFailure(wanted, now)));
                return;
            }
            if (notifications.insert(wanted, "pending", now, spans.current())) {
                AfterCommit.run(worker::wake);
            }
        }

        @Override
        public void finish() {
            if (sandboxes.isEmpty()) {
                return;
            }
            Set<String> written = outbox.publishEachIfWritten(
                    sandboxes.values().stream().map(Sandbox::sent).toList(),
                    notifications.sandboxInsertion(sandboxes.values().stream().map(Sandbox::notification).toList(),
                            firstSandbox), "pause_id");
            for (String pauseId : written) {
                Sandbox sandbox = sandboxes.get(pauseId);
                String channel = sandbox.notification().channel();
                if (sandbox.failed() != null) {
                    // After its sandbox send, in this transaction: the outbox keeps the order, so the pause
                    // shows the message that would have gone out and then the failure.
                    notifications.markFailed(pauseId, sandbox.notification().notification(), 0,
                            sandbox.failed().error(), sandbox.failed().occurredAt());
                    outbox.publish(sandbox.failed());
                }
                AfterCommit.run(() -> metrics.finished(channel, NotificationMetrics.SANDBOX));
            }
            sandboxes.clear();
            firstSandbox = null;
        }

        /** The failure a test pause's test recipient asks for, or null when it asks for none. */
        private NotificationFailed simulatedFailure(NotificationRepository.Wanted wanted, Instant now) {
            boolean fails = TestRecipient.of(wanted.channel(), wanted.recipient())
                    .filter(TestRecipient.Fail.class::isInstance).isPresent();
            return fails ? new NotificationFailed(EventIds.newEventId(), now, Event.SCHEMA_VERSION, wanted.pauseId(),
                    wanted.developerId(), false, wanted.channel(), 0, TestRecipient.FAILURE, wanted.notification())
                    : null;
        }
    }
}
