package dev.pausepoint.pause.delivery;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.delivery.NotificationDelivered;
import dev.pausepoint.events.delivery.NotificationFailed;
import dev.pausepoint.events.delivery.NotificationSent;
import dev.pausepoint.kit.kafka.EventBatches;
import dev.pausepoint.kit.outbox.ProcessedEvents;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a pause's {@code delivery} block current from delivery-service's events; the ledger makes a
 * redelivered event a no-op, and {@link DeliveryStatusRepository} keeps the status moving forward only.
 */
@Component
public class DeliveryStatusListener {

    private final DeliveryStatusRepository deliveries;
    private final ProcessedEvents processed;
    private final EventBatches batches;

    public DeliveryStatusListener(DeliveryStatusRepository deliveries, ProcessedEvents processed,
            EventBatches batches) {
        this.deliveries = deliveries;
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
        if (event instanceof NotificationSent sent) {
            deliveries.sent(sent.pauseId(), sent.sandbox(), sent.attempt(),
                    sent.sandbox() ? sent.renderedMessage() : null, sent.occurredAt());
        } else if (event instanceof NotificationDelivered delivered) {
            deliveries.delivered(delivered.pauseId(), delivered.occurredAt());
        } else if (event instanceof NotificationFailed failed) {
            deliveries.failed(failed.pauseId(), failed.attempts(), failed.error(), failed.occurredAt());
        }
    }
}
