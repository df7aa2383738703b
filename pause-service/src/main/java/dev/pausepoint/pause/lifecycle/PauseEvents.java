package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.events.Event;
import dev.pausepoint.kit.outbox.Outbox;
import dev.pausepoint.pause.audit.AuditLog;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The change, its event's outbox row and its audit entry in one statement, which commits them together
     * with or without a transaction around it: a create without an idempotency key needs none, and costs
     * the database one round trip instead of a transaction of four (docs/benchmark.md, "Where the CPU goes").
     */
    void publishWith(Outbox.Write change, Event event) {
        publishWith(List.of(change), event);
    }

    /** As {@link #publishWith(Outbox.Write, Event)}, for a change of several statements. */
    void publishWith(List<Outbox.Write> changes, Event event) {
        List<Outbox.Write> writes = new ArrayList<>(changes.size() + 1);
        writes.addAll(changes);
        audit.recording(event).ifPresent(writes::add);
        outbox.publishWith(event, writes);
    }
}
