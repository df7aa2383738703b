package dev.pausepoint.pause.audit;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import dev.pausepoint.kit.kafka.EventBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the audit log from the other services' events (account, webhook); the log itself makes it
 * idempotent. Pause events are audited in the transaction that publishes them ({@code PauseEvents}).
 */
@Component
public class AuditEventsListener {

    private final AuditLog log;
    private final EventBatches batches;

    public AuditEventsListener(AuditLog log, EventBatches batches) {
        this.log = log;
        this.batches = batches;
    }

    @KafkaListener(id = "pause-audit", groupId = "pause-service-audit",
            topics = {Topics.ACCOUNT_EVENTS, Topics.WEBHOOK_EVENTS}, batch = "true")
    public void on(List<ConsumerRecord<String, Event>> records) {
        batches.apply(records, log::record);
    }
}
