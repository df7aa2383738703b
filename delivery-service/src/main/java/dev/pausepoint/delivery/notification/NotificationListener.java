package dev.pausepoint.delivery.notification;

import dev.pausepoint.delivery.channel.MessageRenderer;
import dev.pausepoint.delivery.channel.SmsPolicy;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.delivery.NotificationSent;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.kit.kafka.EventBatches;
import dev.pausepoint.kit.lifecycle.AfterCommit;
import dev.pausepoint.kit.outbox.Outbox;
import dev.pausepoint.kit.tracing.Spans;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns {@code pause.created} into a notification to send. Nothing is sent here: the listener only
 * records the work (so a slow provider never holds up the Kafka poll), and a replayed event finds the
 * row and does nothing. A test-key pause is rendered and finished on the spot: sandbox, no provider.
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
        batches.apply(records, event -> event instanceof PauseCreated, this::apply);
    }

    private void apply(Event event) {
        if (!(event instanceof PauseCreated pause)) {
            return;
        }
        Instant now = EventIds.now(clock);
        if (!pause.livemode()) {
            // The notification and its event in one statement; a replay finds the row and writes neither.
            NotificationSent sent = NotificationSent.sandbox(EventIds.newEventId(), now, pause.pauseId(),
                    pause.developerId(), pause.channel(), MessageRenderer.sandbox(pause.channel(), pause.message(),
                            pause.options(), pause.respondUrl(), sms.maxSegments()));
            if (outbox.publishIfWritten(sent, notifications.insertion(pause, "sandbox", now, null))) {
                AfterCommit.run(() -> metrics.finished(pause.channel(), NotificationMetrics.SANDBOX));
            }
            return;
        }
        if (notifications.insert(pause, "pending", now, spans.current())) {
            AfterCommit.run(worker::wake);
        }
    }
}
