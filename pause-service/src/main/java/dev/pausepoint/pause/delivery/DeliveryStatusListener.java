package dev.pausepoint.pause.delivery;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import dev.pausepoint.kit.kafka.EventBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a pause's {@code delivery} block current from delivery-service's events. There is no ledger row
 * per event here: every update in {@link DeliveryStatusRepository} is conditional and only moves the block
 * forward, so applying an event again, or an older one after a newer, changes nothing. A ledger insert per
 * event would cost each create a second write for what the update already guarantees
 * (docs/benchmark.md, "Where the CPU goes"). The sends of a poll are written in one statement
 * ({@link DeliveryStatusWriter}).
 */
@Component
public class DeliveryStatusListener {

    private final DeliveryStatusRepository deliveries;
    private final EventBatches batches;

    public DeliveryStatusListener(DeliveryStatusRepository deliveries, EventBatches batches) {
        this.deliveries = deliveries;
        this.batches = batches;
    }

    @KafkaListener(id = "pause-delivery-status", topics = Topics.DELIVERY_EVENTS, groupId = "pause-service", batch = "true")
    public void on(List<ConsumerRecord<String, Event>> records) {
        batches.apply(records, event -> true, () -> new DeliveryStatusWriter(deliveries));
    }
}
