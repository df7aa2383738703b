package dev.pausepoint.kit.outbox;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventJson;
import dev.pausepoint.kit.lifecycle.AfterCommit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes an event as part of the caller's transaction: the row commits or rolls back with the
 * state change it describes, and {@link OutboxRelay} sends it to Kafka after the commit. Calling it
 * outside a transaction is a bug (the event could outlive a rolled-back change), so it refuses.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final OutboxRelay relay;

    public Outbox(JdbcClient jdbc, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.relay = relay;
    }

    public void publish(Event event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish needs the transaction of the change it announces");
        }
        jdbc.sql("INSERT INTO outbox_event (event_id, topic, record_key, payload) VALUES (?, ?, ?, ?)")
                .params(event.eventId(), event.topic(), event.key(), EventJson.writeString(event))
                .update();
        AfterCommit.run(relay::wake);
    }
}
