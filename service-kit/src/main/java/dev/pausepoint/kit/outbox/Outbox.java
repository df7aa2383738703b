package dev.pausepoint.kit.outbox;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventJson;
import dev.pausepoint.kit.lifecycle.AfterCommit;
import dev.pausepoint.kit.tracing.Spans;
import dev.pausepoint.kit.tracing.TraceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
     * An event to write later in a statement with others ({@link #publishEachIfWritten}), with the trace
     * context current when it was made: the writing may happen outside the span of the work it announces.
     */
    public record Entry(Event event, String traceparent) {
    }

    /** {@code event} as an {@link Entry}, carrying the current span's trace context (null outside a span). */
    public Entry entry(Event event) {
        return new Entry(event, TraceContext.text(spans.current()));
    }

    /**
     * Writes {@code change} and, for each of {@code entries}, its event's row only if {@code change} wrote a
     * row whose {@code keyColumn} is the event's key, all in one statement: for changes that may find their
     * work already done (an {@code INSERT ... ON CONFLICT DO NOTHING} of replayed events), whose events must
     * then not be written again. {@code change} is one {@code INSERT} or {@code UPDATE} without
     * {@code RETURNING}, of any number of rows; at most one entry per key. One round trip for the whole
     * batch instead of two per event. Returns the keys whose events were written.
     */
    public Set<String> publishEachIfWritten(List<Entry> entries, Write change, String keyColumn) {
        if (entries.isEmpty()) {
            return Set.of();
        }
        int size = entries.size();
        String[][] columns = new String[5][size];
        for (int i = 0; i < size; i++) {
            Event event = entries.get(i).event();
            columns[0][i] = event.eventId();
            columns[1][i] = event.topic();
            columns[2][i] = event.key();
            columns[3][i] = EventJson.writeString(event);
            columns[4][i] = entries.get(i).traceparent();
        }
        List<Object> params = new ArrayList<>(change.params());
        params.addAll(Arrays.asList((Object[]) columns));
        // The keys written are the join of the events with what the change returned.
        List<String> written = jdbc.sql("WITH change AS (" + change.sql() + " RETURNING " + keyColumn + "::text AS key) "
                        + INTO + "SELECT e.* FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                        + " AS e(event_id, topic, record_key, payload, traceparent)"
                        + " JOIN change ON change.key = e.record_key RETURNING record_key")
                .params(params).query(String.class).list();
        if (!written.isEmpty()) {
            AfterCommit.run(relay::wake);
        }
        return Set.copyOf(written);
    }

    /** The row's values; the trace context is null outside a span. */
    private Object[] rowOf(Event event) {
        return new Object[] {event.eventId(), event.topic(), event.key(), EventJson.writeString(event),
                TraceContext.text(spans.current())};
    }
}
