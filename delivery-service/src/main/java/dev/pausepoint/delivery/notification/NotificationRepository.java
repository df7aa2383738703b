package dev.pausepoint.delivery.notification;

import dev.pausepoint.delivery.WholeSeconds;
import dev.pausepoint.delivery.schedule.Lease;
import dev.pausepoint.kit.asker.Asker;
import dev.pausepoint.kit.outbox.Outbox;
import dev.pausepoint.kit.tracing.TraceContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class NotificationRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public NotificationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Records a notification to send, with the trace its sends continue; false when it exists already (a
     * replayed event).
     */
    public boolean insert(Wanted wanted, String status, Instant now, TraceContext trace) {
        return jdbc.sql("""
                INSERT INTO notification (pause_id, notification, kind, developer_id, livemode, channel, recipient,
                    respond_url, message, options, status, next_attempt_at, created_at, updated_at, traceparent,
                    agent_name, account_name, timeout_default, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (pause_id, notification) DO NOTHING""")
                .params(wanted.pauseId(), wanted.notification(), wanted.kind(), wanted.developerId(), wanted.livemode(),
                        wanted.channel(), wanted.recipient(), wanted.respondUrl(), wanted.message(),
                        json.writeValueAsString(wanted.options()), status,
                        status.equals("pending") ? Timestamp.from(now) : null, Timestamp.from(now), Timestamp.from(now),
                        TraceContext.text(trace), wanted.asker().agentName(), wanted.asker().accountName(),
                        wanted.timeoutDefault(), wanted.expiresAt() == null ? null : Timestamp.from(wanted.expiresAt()))
                .update() == 1;
    }

    /** A notification a pause event asks for: the first of a created pause, or one of its follow-ups. */
    public record Wanted(String pauseId, int notification, String kind, String developerId, boolean livemode,
            String channel, String recipient, String respondUrl, String message, List<String> options, Asker asker,
            String timeoutDefault, Instant expiresAt) {

        /** Its key among the notifications of every pause ({@link Notification#key()}). */
        public String key() {
            return Notification.key(pauseId, notification);
        }

        public boolean reminder() {
            return Notification.REMINDER.equals(kind);
        }
    }

    /**
     * The statement that records the sandbox notifications of test pauses (finished on the spot, nothing
     * to send), one row per notification in one statement, leaving out those a replay finds there already; to
     * be written with their events ({@link Outbox#publishEachIfWritten}, keyed by {@code pause_id}). At most
     * one notification per pause: the events are matched to the rows written by their pause id.
     */
    Outbox.Write sandboxInsertion(Collection<Wanted> notifications, Instant now) {
        int size = notifications.size();
        String[][] text = new String[8][size];
        Integer[] numbers = new Integer[size];
        Boolean[] livemode = new Boolean[size];
        int i = 0;
        for (Wanted n : notifications) {
            text[0][i] = n.pauseId();
            text[1][i] = n.developerId();
            text[2][i] = n.channel();
            text[3][i] = n.recipient();
            text[4][i] = n.respondUrl();
            text[5][i] = n.message();
            text[6][i] = json.writeValueAsString(n.options());
            text[7][i] = n.kind();
            numbers[i] = n.notification();
            livemode[i] = n.livemode();
            i++;
        }
        return new Outbox.Write("""
                INSERT INTO notification (pause_id, notification, kind, developer_id, livemode, channel, recipient,
                    respond_url, message, options, status, created_at, updated_at)
                SELECT n.pause_id, n.notification, n.kind, n.developer_id, n.livemode, n.channel, n.recipient,
                    n.respond_url, n.message, n.options::jsonb, 'sandbox', ?, ?
                FROM unnest(?::text[], ?::integer[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[])
                    AS n(pause_id, notification, kind, developer_id, livemode, channel, recipient, respond_url, message,
                        options)
                ON CONFLICT (pause_id, notification) DO NOTHING""",
                Timestamp.from(now), Timestamp.from(now), text[0], numbers, text[7], text[1], livemode, text[2],
                text[3], text[4], text[5], text[6]);
    }

    /**
     * Claims up to {@code limit} due notifications by moving their next attempt a lease ahead: the
     * claim commits at once, the sending happens outside any transaction, and if this instance dies
     * mid-send the lease runs out and another picks the notification up again.
     *
     * <p>Fair across developers: {@code developerLoad} is this instance's sends in flight per developer;
     * a developer gets at most {@code perDeveloper} in flight, and each developer's next notification
     * is numbered after the sends it has in flight, lowest numbers first (ties: the oldest due), so one
     * developer's thousand queued messages wait behind another's first.
     */
    public List<Notification> claimDue(Instant now, Lease lease, int limit, int perDeveloper,
            Map<String, Integer> developerLoad) {
        return jdbc.sql("""
                WITH developer_load AS (
                    SELECT key AS id, value::int AS n FROM jsonb_each_text(?::jsonb)
                ), fair AS (
                    SELECT n.pause_id, n.notification, n.next_attempt_at,
                           coalesce(l.n, 0) + row_number() OVER (PARTITION BY n.developer_id
                                                                 ORDER BY n.next_attempt_at, n.pause_id, n.notification)
                               AS developer_slot
                    FROM notification n LEFT JOIN developer_load l ON l.id = n.developer_id
                    WHERE n.status = 'pending' AND n.next_attempt_at <= ? AND coalesce(l.n, 0) < ?
                ), claimed AS (
                    SELECT n.pause_id, n.notification FROM notification n
                    JOIN fair ON fair.pause_id = n.pause_id AND fair.notification = n.notification
                    WHERE fair.developer_slot <= ? AND n.status = 'pending' AND n.next_attempt_at <= ?
                    ORDER BY fair.developer_slot, fair.next_attempt_at, n.pause_id, n.notification
                    LIMIT ? FOR UPDATE OF n SKIP LOCKED
                )
                UPDATE notification n SET next_attempt_at = ?, lease_holder = ? FROM claimed
                WHERE n.pause_id = claimed.pause_id AND n.notification = claimed.notification
                RETURNING n.*""")
                .params(json.writeValueAsString(developerLoad), Timestamp.from(now), perDeveloper, perDeveloper,
                        Timestamp.from(now), limit, Timestamp.from(now.plus(lease.length())), lease.holder())
                .query(this::map).list();
    }

    /**
     * Makes {@code holder}'s leased notifications due now, but those in {@code inFlight} ({@link Notification#key()});
     * returns how many. The recorded outcome clears the holder, so a lease still held is one whose work
     * is over without an outcome (see DueWorkLoop).
     */
    public int releaseStranded(String holder, Collection<String> inFlight, Instant now) {
        return jdbc.sql("""
                UPDATE notification SET next_attempt_at = ?, lease_holder = NULL
                WHERE status = 'pending' AND next_attempt_at > ? AND lease_holder = ?
                    AND NOT (pause_id || '#' || notification = ANY(?))""")
                .params(Timestamp.from(now), Timestamp.from(now), holder, inFlight.toArray(String[]::new))
                .update();
    }

    public void recordAttempt(Notification n, int attempt, Integer statusCode, String error, long durationMs,
            Instant at) {
        jdbc.sql("""
                INSERT INTO notification_attempt (pause_id, notification, attempt, status_code, error, duration_ms,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(n.pauseId(), n.notification(), attempt, statusCode, error, (int) durationMs, Timestamp.from(at))
                .update();
    }

    public void markSent(Notification n, int attempts, String messageId, boolean delivered, Instant at) {
        jdbc.sql("""
                UPDATE notification SET status = ?, attempts = ?, provider_message_id = ?, next_attempt_at = NULL,
                    lease_holder = NULL, last_error = NULL, updated_at = ? WHERE pause_id = ? AND notification = ?""")
                .params(delivered ? "delivered" : "sent", attempts, messageId, Timestamp.from(at), n.pauseId(),
                        n.notification()).update();
    }

    public void markRetry(Notification n, int attempts, Instant nextAttempt, String error, Instant at) {
        jdbc.sql("""
                UPDATE notification SET attempts = ?, next_attempt_at = ?, lease_holder = NULL, last_error = ?,
                    updated_at = ? WHERE pause_id = ? AND notification = ?""")
                .params(attempts, Timestamp.from(nextAttempt), error, Timestamp.from(at), n.pauseId(), n.notification())
                .update();
    }

    public void markFailed(Notification n, int attempts, String error, Instant at) {
        markFailed(n.pauseId(), n.notification(), attempts, error, at);
    }

    /** As {@link #markFailed(Notification, int, String, Instant)}, by the pause and the notification's number. */
    public void markFailed(String pauseId, int notification, int attempts, String error, Instant at) {
        jdbc.sql("""
                UPDATE notification SET status = 'failed', attempts = ?, next_attempt_at = NULL, lease_holder = NULL,
                    last_error = ?,
                    updated_at = ? WHERE pause_id = ? AND notification = ?""")
                .params(attempts, error, Timestamp.from(at), pauseId, notification).update();
    }

    /** A provider's later report on the message it named {@code messageId}; only a sent notification moves, once. */
    public Optional<Notification> reportByProviderMessageId(String messageId, boolean delivered, String error,
            Instant at) {
        return jdbc.sql("""
                UPDATE notification SET status = ?, last_error = COALESCE(?, last_error), updated_at = ?
                WHERE provider_message_id = ? AND status = 'sent' RETURNING *""")
                .params(delivered ? "delivered" : "failed", error, Timestamp.from(at), messageId)
                .query(this::map).optional();
    }

    /** The same for notification {@code notification} of a pause, as SendGrid names the mails we tagged. */
    public Optional<Notification> reportByPause(String pauseId, int notification, boolean delivered, String error,
            Instant at) {
        return jdbc.sql("""
                UPDATE notification SET status = ?, last_error = COALESCE(?, last_error), updated_at = ?
                WHERE pause_id = ? AND notification = ? AND status = 'sent' RETURNING *""")
                .params(delivered ? "delivered" : "failed", error, Timestamp.from(at), pauseId, notification)
                .query(this::map).optional();
    }

    /**
     * The provider sends of {@code pauseId}'s notification, oldest first, at most the {@code limit} newest
     * (none before the first send); a test pause's sandbox notification as its one entry. Empty unless the
     * notification is of {@code developerId}'s world {@code livemode}, so another developer's pause, or the
     * other world's, is simply not there.
     */
    public List<NotificationAttemptView> history(String pauseId, String developerId, boolean livemode, int limit) {
        return jdbc.sql("""
                SELECT n.channel, n.status, n.attempts, n.provider_message_id, n.last_error, n.next_attempt_at,
                       n.created_at, n.updated_at, a.id AS attempt_id, a.attempt, a.status_code, a.error,
                       a.duration_ms, a.created_at AS attempted_at
                FROM notification n
                LEFT JOIN LATERAL (
                    SELECT * FROM notification_attempt
                    WHERE pause_id = n.pause_id AND notification = n.notification ORDER BY id DESC LIMIT ?
                ) a ON true
                WHERE n.pause_id = ? AND n.developer_id = ? AND n.livemode = ?
                    AND (a.id IS NOT NULL OR NOT n.livemode)
                ORDER BY a.id, n.notification""")
                .params(limit, pauseId, developerId, livemode)
                .query((row, n) -> historyEntry(row))
                .list();
    }

    /** One row of {@link #history}: an attempt, or a sandbox notification's one entry. */
    private static NotificationAttemptView historyEntry(ResultSet row) throws SQLException {
        NotificationAttemptView.Standing notification = new NotificationAttemptView.Standing(row.getString("channel"),
                row.getString("status"), row.getInt("attempts"), row.getString("provider_message_id"),
                row.getString("last_error"), WholeSeconds.of(row.getTimestamp("next_attempt_at")),
                WholeSeconds.of(row.getTimestamp("created_at")), WholeSeconds.of(row.getTimestamp("updated_at")));
        if (row.getObject("attempt_id") == null) {
            return NotificationAttemptView.sandbox(notification);
        }
        return NotificationAttemptView.of(notification, row.getInt("attempt"), (Integer) row.getObject("status_code"),
                row.getString("error"), row.getLong("duration_ms"), WholeSeconds.of(row.getTimestamp("attempted_at")));
    }

    /** The first notification of a pause. */
    public Optional<Notification> find(String pauseId) {
        return find(pauseId, 0);
    }

    public Optional<Notification> find(String pauseId, int notification) {
        return jdbc.sql("SELECT * FROM notification WHERE pause_id = ? AND notification = ?")
                .params(pauseId, notification).query(this::map).optional();
    }

    private Notification map(ResultSet row, int n) throws SQLException {
        return new Notification(row.getString("pause_id"), row.getInt("notification"), row.getString("kind"),
                row.getString("developer_id"), row.getBoolean("livemode"), row.getString("channel"),
                row.getString("recipient"), row.getString("respond_url"), row.getString("message"),
                List.of(json.readValue(row.getString("options"), String[].class)),
                row.getString("status"), row.getInt("attempts"), row.getString("provider_message_id"),
                TraceContext.parse(row.getString("traceparent")),
                new Asker(row.getString("account_name"), row.getString("agent_name")), row.getString("timeout_default"),
                WholeSeconds.of(row.getTimestamp("expires_at")));
    }
}
