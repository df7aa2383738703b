package dev.pausepoint.pause.audit;

import dev.pausepoint.kit.outbox.Outbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit_entry table: append-only (the database refuses UPDATE and DELETE), at most one entry per event
 * (the event id is unique).
 */
@Repository
public class AuditRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AuditRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Writes {@code entry} unless its event already has one. */
    void insert(NewAuditEntry entry) {
        Outbox.Write insertion = insertion(entry);
        jdbc.sql(insertion.sql()).params(insertion.params()).update();
    }

    /** The statement that writes {@code entry} unless its event already has one. */
    Outbox.Write insertion(NewAuditEntry entry) {
        return new Outbox.Write("""
                INSERT INTO audit_entry (id, event_id, developer_id, livemode, pause_request_id, event_type, actor,
                    detail, ip, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                "aud_" + UUID.randomUUID(), entry.eventId(), entry.developerId(), entry.livemode(), entry.pauseId(),
                entry.type(), entry.actor(), json.writeValueAsString(entry.detail()), entry.ip(),
                Timestamp.from(entry.occurredAt()));
    }

    /** A developer's entries in one world (account entries belong to both), newest first, filtered. */
    private static final String MATCHING = """
            SELECT * FROM audit_entry
            WHERE developer_id = ? AND (livemode = ? OR livemode IS NULL)
              AND (?::text IS NULL OR pause_request_id = ?) AND (?::text IS NULL OR event_type = ?)
              AND (?::timestamptz IS NULL OR created_at >= ?) AND (?::timestamptz IS NULL OR created_at < ?)
            ORDER BY created_at DESC, seq DESC""";

    /** A page of them; one more row than asked tells about more. */
    public List<AuditEntry> find(String developerId, boolean livemode, AuditFilter filter, int limit, int offset) {
        List<Object> params = params(developerId, livemode, filter);
        params.add(limit);
        params.add(offset);
        return jdbc.sql(MATCHING + " LIMIT ? OFFSET ?").params(params).query((row, number) -> entry(row)).list();
    }

    /**
     * Every one of them, each handed to {@code sink} as it is read: the driver fetches {@code fetchSize}
     * rows at a time through a cursor, so no more than that are held however many match. The cursor needs
     * the caller's transaction (PostgreSQL's driver reads everything at once in autocommit).
     */
    void each(String developerId, boolean livemode, AuditFilter filter, int fetchSize, Consumer<AuditEntry> sink) {
        jdbc.sql(MATCHING).params(params(developerId, livemode, filter)).withFetchSize(fetchSize)
                .query((RowCallbackHandler) row -> sink.accept(entry(row)));
    }

    private static List<Object> params(String developerId, boolean livemode, AuditFilter filter) {
        Timestamp start = filter.from() == null ? null : startOf(filter.from());
        Timestamp end = filter.to() == null ? null : startOf(filter.to().plusDays(1));
        return new ArrayList<>(Arrays.asList(developerId, livemode, filter.pauseId(), filter.pauseId(),
                filter.eventType(), filter.eventType(), start, start, end, end));
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(row.getString("id"), row.getString("developer_id"), row.getString("pause_request_id"),
                row.getString("event_type"), row.getString("actor"), json.readTree(row.getString("detail")),
                row.getString("ip"), row.getTimestamp("created_at").toInstant());
    }
}
