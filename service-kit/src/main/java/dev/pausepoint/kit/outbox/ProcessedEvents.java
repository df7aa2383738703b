package dev.pausepoint.kit.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The idempotent-consumer ledger. A listener calls {@link #firstDelivery} inside the transaction of
 * its action; a redelivered event finds its row and is skipped, so no SMS, webhook or count happens
 * twice.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    public ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time {@code consumer} sees {@code eventId}; false for every redelivery. */
    public boolean firstDelivery(String consumer, String eventId) {
        return jdbc.sql("INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(consumer, eventId)
                .update() == 1;
    }
}
