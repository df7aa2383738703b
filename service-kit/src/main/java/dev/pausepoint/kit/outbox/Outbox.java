package dev.pausepoint.kit.outbox;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventJson;
import dev.pausepoint.kit.lifecycle.AfterCommit;
import dev.pausepoint.kit.tracing.Spans;
import dev.pausepoint.kit.tracing.TraceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes an event as part of the caller's transaction: the row commits or rolls back with the
 * state change it describes, and {@link OutboxRelay} sends it to Kafka after the commit. Calling it
 * outside a transaction is a bug (the event could outlive a rolled-back change), so it refuses. The row
 * keeps the trace context of the change, which the relay hands to Kafka, so consumers continue its trace.
 */
public class Outbox {

    /** The row's columns, in the order of {@link #rowOf}'s values. */
    private static final String INTO = "INSERT INTO outbox_event (event_id, topic, record_key, payload, traceparent) ";
    private static final String INSERT = INTO + "VALUES (?, ?, ?, ?, ?)";

    /**
     * One data-modifying statement ({@code INSERT}, {@code UPDATE} or {@code DELETE} without {@code RETURNING})
     * with its {@code ?} parameters in order, to be run in the same statement as an event's outbox row.
     */
    public record Write(String sql, List<Object> params) {

        public Write(String sql, Object... params) {
            // Arrays.asList, which keeps nulls (a column left empty), where List.of refuses them.
            this(sql, Arrays.asList(params));
        }
    }

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
        jdbc.sql(INSERT).params(rowOf(event)).update();
        AfterCommit.run(relay::wake);
    }

    /**
     * Writes {@code changes} and {@code event}'s row in one statement (each change a data-modifying
     * {@code WITH} clause), so they commit together even without a transaction around them: a change that
     * is a single statement costs one round trip to the database instead of a transaction's several. In a
     * transaction, they join it as {@link #publish} does.
     */
    public void publishWith(Event event, List<Write> changes) {
        StringBuilder sql = new StringBuilder("WITH ");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("change_").append(i).append(" AS (").append(changes.get(i).sql())
                    .append(')');
            params.addAll(changes.get(i).params());
        }
        params.addAll(Arrays.asList(rowOf(event)));
        jdbc.sql(changes.isEmpty() ? INSERT : sql.append(' ').append(INSERT).toString()).params(params).update();
        AfterCommit.run(relay::wake);
    }

    /**
     * Writes {@code change} and, only if it wrote a row, {@code event}'s row, in one statement: for a change
     * that may find its work already done (an {@code INSERT ... ON CONFLICT DO NOTHING} of a replayed event),
     * whose event must then not be written again. {@code change} is one {@code INSERT} or {@code UPDATE}
     * without {@code RETURNING}. One round trip instead of the change's and the event's. Returns whether
     * the change wrote a row (and so the event was written).
     */
    public boolean publishIfWritten(Event event, Write change) {
        List<Object> params = new ArrayList<>(change.params());
        params.addAll(Arrays.asList(rowOf(event)));
        boolean written = jdbc.sql("WITH change AS (" + change.sql() + " RETURNING 1) "
                + INTO + "SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM change)").params(params).update() == 1;
        if (written) {
            AfterCommit.run(relay::wake);
        }
        return written;
    }

    /** The row's values; the trace context is null outside a span. */
    private Object[] rowOf(Event event) {
        return new Object[] {event.eventId(), event.topic(), event.key(), EventJson.writeString(event),
                TraceContext.text(spans.current())};
    }
}
