package dev.pausepoint.pause.delivery;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.delivery.NotificationDelivered;
import dev.pausepoint.events.delivery.NotificationFailed;
import dev.pausepoint.events.delivery.NotificationSent;
import dev.pausepoint.kit.kafka.EventBatches;
import dev.pausepoint.pause.delivery.DeliveryStatusRepository.Sent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The delivery-status writes of one transaction. Sends, one per created pause and so most of the topic,
 * are held back and written together (one statement for all of them); a delivery or a failure first writes
 * the sends held back, then itself, so every pause ends as writing each event in turn would leave it.
 */
final class DeliveryStatusWriter implements EventBatches.BatchWriter {

    private final DeliveryStatusRepository deliveries;
    private final Map<String, Sent> sends = new LinkedHashMap<>();

    DeliveryStatusWriter(DeliveryStatusRepository deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void add(Event event) {
        if (event instanceof NotificationSent sent) {
            sends.merge(sent.pauseId() + "#" + sent.notification(), new Sent(sent.pauseId(), sent.notification(),
                    sent.sandbox(), sent.attempt(), sent.occurredAt(), sent.sandbox() ? sent.renderedMessage() : null),
                    Sent::then);
        } else if (event instanceof NotificationDelivered delivered) {
            finish();
            deliveries.delivered(delivered.pauseId(), delivered.notification(), delivered.occurredAt());
        } else if (event instanceof NotificationFailed failed) {
            finish();
            deliveries.failed(failed.pauseId(), failed.notification(), failed.attempts(), failed.error(),
                    failed.occurredAt());
        }
    }

    @Override
    public void finish() {
        deliveries.sent(sends.values());
        sends.clear();
    }
}
