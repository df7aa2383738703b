package dev.pausepoint.pause.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import dev.pausepoint.kit.outbox.Outbox;
import java.util.List;
import java.util.UUID;
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

    /** A developer's entries in one world, newest first, filtered; one more row than asked tells about more. */
    public List<AuditEntry> find(String developerId, boolean livemode, String pauseId, String eventType, LocalDate from,
            LocalDate to, int limit, int offset) {
        Timestamp start = from == null ? null : Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC));
        Timestamp end = to == null ? null : Timestamp.from(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        return jdbc.sql("""
                SELECT * FROM audit_entry
                WHERE developer_id = ? AND (livemode = ? OR livemode IS NULL)
                  AND (?::text IS NULL OR pause_request_id = ?) AND (?::text IS NULL OR event_type = ?)
                  AND (?::timestamptz IS NULL OR created_at >= ?) AND (?::timestamptz IS NULL OR created_at < ?)
                ORDER BY created_at DESC, seq DESC LIMIT ? OFFSET ?""")
                .params(developerId, livemode, pauseId, pauseId, eventType, eventType, start, start, end, end, limit,
                        offset)
                .query((row, n) -> new AuditEntry(row.getString("id"), row.getString("developer_id"),
                        row.getString("pause_request_id"), row.getString("event_type"), row.getString("actor"),
                        json.readTree(row.getString("detail")), row.getString("ip"),
                        row.getTimestamp("created_at").toInstant()))
                .list();
    }
}
