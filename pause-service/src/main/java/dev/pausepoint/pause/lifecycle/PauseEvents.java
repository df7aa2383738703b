package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.events.Event;
import dev.pausepoint.kit.outbox.Outbox;
import dev.pausepoint.pause.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * A pause's event, in the transaction of the change it reports: into the outbox for the other services,
 * and into the audit log here. The audit entry is written at once rather than by this service consuming
 * its own event back from Kafka: that round trip cost every create a Kafka fetch, a deserialisation and
 * a transaction of its own (docs/benchmark.md, "Where the CPU goes"). Other services' events still reach
 * the audit log through its listener.
 */
@Component
public class PauseEvents {

    private final Outbox outbox;
    private final AuditLog audit;

    public PauseEvents(Outbox outbox, AuditLog audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Must run inside the change's transaction. */
    public void publish(Event event) {
        outbox.publish(event);
        audit.record(event);
    }
}
