package dev.pausepoint.pause.audit;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the audit log from pause, account and webhook events; the log itself makes it idempotent. */
@Component
public class AuditEventsListener {

    private final AuditLog log;

    public AuditEventsListener(AuditLog log) {
        this.log = log;
    }

    @KafkaListener(id = "pause-audit", groupId = "pause-service-audit",
            topics = {Topics.PAUSE_EVENTS, Topics.ACCOUNT_EVENTS, Topics.WEBHOOK_EVENTS})
    public void on(Event event) {
        log.record(event);
    }
}
