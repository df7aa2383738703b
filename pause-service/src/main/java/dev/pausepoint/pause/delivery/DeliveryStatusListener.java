package dev.pausepoint.pause.delivery;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.delivery.NotificationDelivered;
import dev.pausepoint.events.delivery.NotificationFailed;
import dev.pausepoint.events.delivery.NotificationSent;
import dev.pausepoint.kit.kafka.EventBatches;
import dev.pausepoint.kit.outbox.ProcessedEvents;
import java.sql.Timestamp;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a pause's {@code delivery} block current from delivery-service's events. The status only moves
 * forward (queued, then sent or sandbox, then delivered or failed), so an event that arrives late or
 * twice cannot undo a later state; the ledger makes a redelivered event a no-op.
 */
@Component
public class DeliveryStatusListener {

    private final JdbcClient jdbc;
    private final ProcessedEvents processed;
    private final EventBatches batches;

    public DeliveryStatusListener(JdbcClient jdbc, ProcessedEvents processed, EventBatches batches) {
        this.jdbc = jdbc;
        this.processed = processed;
        this.batches = batches;
    }

    @KafkaListener(id = "pause-delivery-status", topics = Topics.DELIVERY_EVENTS, groupId = "pause-service", batch = "true")
    public void on(List<ConsumerRecord<String, Event>> records) {
        batches.apply(records, this::apply);
    }

    private void apply(Event event) {
        if (!processed.firstDelivery("delivery-status", event.eventId())) {
            return;
        }
        Timestamp at = Timestamp.from(event.occurredAt());
        if (event instanceof NotificationSent sent) {
            jdbc.sql("""
                    UPDATE pause SET delivery_status = CASE WHEN delivery_status = 'queued' THEN ? ELSE delivery_status END,
                        delivery_attempts = GREATEST(delivery_attempts, ?), delivery_updated_at = ?,
                        delivery_sandbox_message = COALESCE(?, delivery_sandbox_message)
                    WHERE id = ? AND delivery_status IN ('queued', 'sent', 'sandbox')""")
                    .params(sent.sandbox() ? "sandbox" : "sent", sent.attempt(), at,
                            sent.sandbox() ? sent.renderedMessage() : null, sent.pauseId()).update();
        } else if (event instanceof NotificationDelivered delivered) {
            jdbc.sql("""
                    UPDATE pause SET delivery_status = 'delivered', delivery_updated_at = ?
                    WHERE id = ? AND delivery_status IN ('queued', 'sent')""")
                    .params(at, delivered.pauseId()).update();
        } else if (event instanceof NotificationFailed failed) {
            jdbc.sql("""
                    UPDATE pause SET delivery_status = 'failed', delivery_last_error = ?,
                        delivery_attempts = GREATEST(delivery_attempts, ?), delivery_updated_at = ?
                    WHERE id = ? AND delivery_status IN ('queued', 'sent')""")
                    .params(failed.error(), failed.attempts(), at, failed.pauseId()).update();
        }
    }
}
