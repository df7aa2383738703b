package dev.pausepoint.kit.outbox;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventJson;
import dev.pausepoint.kit.lifecycle.AfterCommit;
import dev.pausepoint.kit.tracing.Spans;
import dev.pausepoint.kit.tracing.TraceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes an event as part of the caller's transaction: the row commits or rolls back with the
 * state change it describes, and {@link OutboxRelay} sends it to Kafka after the commit. Calling it
 * outside a transaction is a bug (the event could outlive a rolled-back change), so it refuses. The row
 * keeps the trace context of the change, which the relay hands to Kafka, so consumers continue its trace.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final OutboxRelay relay;
    private final Spans spans;

    public Outbox(JdbcClient jdbc, OutboxRelay relay, Spans spans) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.spans = spans;
    }

    public void publish(Event event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish needs the transaction of the change it announces");
        }
        jdbc.sql("INSERT INTO outbox_event (event_id, topic, record_key, payload, traceparent) VALUES (?, ?, ?, ?, ?)")
                .params(event.eventId(), event.topic(), event.key(), EventJson.writeString(event),
                        TraceContext.text(spans.current()))
                .update();
        AfterCommit.run(relay::wake);
    }
}
