package dev.pausepoint.pause.audit;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.account.ApiKeyRotated;
import dev.pausepoint.events.account.DeveloperRegistered;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.events.pause.PauseResponded;
import dev.pausepoint.events.pause.PauseTimedOut;
import dev.pausepoint.events.webhook.WebhookCreated;
import dev.pausepoint.events.webhook.WebhookDeleted;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log: one entry per event, at most once (the event id is unique), never
 * changed (the database refuses UPDATE and DELETE). Account entries belong to both worlds.
 */
@Repository
public class AuditLog {

    /** The event types the log keeps and the actor of each (docs/api-reference.md, "Audit log"). */
    public static final Map<String, String> ACTORS = Map.of(
            DeveloperRegistered.TYPE, "developer", ApiKeyRotated.TYPE, "developer", PauseCreated.TYPE, "developer",
            PauseResponded.TYPE, "human", PauseTimedOut.TYPE, "system", PauseCancelled.TYPE, "developer",
            WebhookCreated.TYPE, "developer", WebhookDeleted.TYPE, "developer");

    private record Draft(String type, String developerId, Boolean livemode, String pauseId, Map<String, Object> detail,
            String ip) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records {@code event} if it is one the log keeps; a second delivery of it changes nothing. */
    public void record(Event event) {
        draft(event).ifPresent(draft -> jdbc.sql("""
                INSERT INTO audit_entry (id, event_id, developer_id, livemode, pause_request_id, event_type, actor,
                    detail, ip, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (event_id) DO NOTHING""")
                .params("aud_" + UUID.randomUUID(), event.eventId(), draft.developerId(), draft.livemode(),
                        draft.pauseId(), draft.type(), ACTORS.get(draft.type()), json.writeValueAsString(draft.detail()),
                        draft.ip(), Timestamp.from(event.occurredAt()))
                .update());
    }

    private static Optional<Draft> draft(Event event) {
        Map<String, Object> detail = new LinkedHashMap<>();
        if (event instanceof PauseCreated e) {
            // Never the respond URL: it carries the human's token.
            detail.put("channel", e.channel());
            detail.put("recipient", e.recipient());
            detail.put("expires_at", e.expiresAt().toString());
            return Optional.of(new Draft(PauseCreated.TYPE, e.developerId(), e.livemode(), e.pauseId(), detail, e.actorIp()));
        }
        if (event instanceof PauseResponded e) {
            detail.put("choice", e.choice());
            detail.put("text", e.text());
            detail.put("user_agent", e.userAgent());
            return Optional.of(new Draft(PauseResponded.TYPE, e.developerId(), e.livemode(), e.pauseId(), detail, e.actorIp()));
        }
        if (event instanceof PauseTimedOut e) {
            detail.put("choice", e.choice());
            return Optional.of(new Draft(PauseTimedOut.TYPE, e.developerId(), e.livemode(), e.pauseId(), detail, null));
        }
        if (event instanceof PauseCancelled e) {
            return Optional.of(new Draft(PauseCancelled.TYPE, e.developerId(), e.livemode(), e.pauseId(), detail, e.actorIp()));
        }
        if (event instanceof DeveloperRegistered e) {
            detail.put("email", e.email());
            detail.put("plan", e.plan());
            return Optional.of(new Draft(DeveloperRegistered.TYPE, e.developerId(), null, null, detail, e.actorIp()));
        }
        if (event instanceof ApiKeyRotated e) {
            detail.put("key_type", e.keyType());
            detail.put("new_key_prefix", e.newKeyPrefix());
            return Optional.of(new Draft(ApiKeyRotated.TYPE, e.developerId(), null, null, detail, e.actorIp()));
        }
        if (event instanceof WebhookCreated e) {
            detail.put("webhook_id", e.webhookId());
            detail.put("url", e.url());
            detail.put("events", e.events());
            return Optional.of(new Draft(WebhookCreated.TYPE, e.developerId(), e.livemode(), null, detail, e.actorIp()));
        }
        if (event instanceof WebhookDeleted e) {
            detail.put("webhook_id", e.webhookId());
            return Optional.of(new Draft(WebhookDeleted.TYPE, e.developerId(), e.livemode(), null, detail, e.actorIp()));
        }
        return Optional.empty();
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
