package dev.pausepoint.delivery.webhook;

import dev.pausepoint.delivery.WholeSeconds;
import dev.pausepoint.delivery.schedule.Lease;
import dev.pausepoint.kit.tracing.TraceContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries (one per endpoint and event, with the next attempt's time) and their attempts, the
 * delivery log. Callers check the endpoint's owner first; these rows are reached through its id.
 */
@Repository
public class WebhookDeliveryRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public WebhookDeliveryRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * One delivery per endpoint and event, with the trace its posts continue; false when it exists already.
     * {@code pauseId} is null for the test event, which is about no pause.
     */
    public boolean insert(String deliveryId, String webhookId, String eventId, String event, String pauseId,
            PayloadData data, Instant now, TraceContext trace) {
        return jdbc.sql("""
                INSERT INTO webhook_delivery (id, webhook_id, event_id, event, pause_id, data, status, next_attempt_at, created_at,
                    traceparent)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, 'pending', ?, ?, ?) ON CONFLICT (webhook_id, event_id) DO NOTHING""")
                .params(deliveryId, webhookId, eventId, event, pauseId, json.writeValueAsString(data),
                        Timestamp.from(now), Timestamp.from(now), TraceContext.text(trace))
                .update() == 1;
    }

    /** Gives up the endpoint's pending deliveries, as when it is deleted: nothing more is posted to it. */
    public void giveUpPending(String webhookId) {
        jdbc.sql("UPDATE webhook_delivery SET status = 'failed', next_attempt_at = NULL WHERE webhook_id = ? AND status = 'pending'")
                .param(webhookId).update();
    }

    /**
     * Leases up to {@code limit} due deliveries, fairly across developers. {@code endpointLoad} and
     * {@code developerLoad} are this instance's posts in flight per endpoint and per developer; a row is
     * eligible only while its endpoint stays within {@code perEndpoint} and its developer within
     * {@code perDeveloper} counting the posts already in flight. Eligible rows are then taken in turns:
     * each developer's next row is numbered after the posts it has in flight, and the claim takes the
     * lowest numbers first (ties: the oldest due row), so a developer with nothing in flight is served
     * before one with a backlog, whatever the age of that backlog. Within a developer, endpoints take
     * turns the same way, so a dead endpoint's queue does not keep its developer's other endpoints
     * waiting for a slot. {@code SKIP LOCKED} lets instances share the rows.
     *
     * <p>Only an endpoint's oldest {@code perEndpoint} due rows can be eligible, so the claim reads no
     * more: it walks the endpoints with pending deliveries on the pending-by-endpoint index (one index
     * descent each, a loose index scan: {@code pending_endpoint}), takes each one's oldest due rows from
     * the same index ({@code LATERAL ... LIMIT}), and numbers that small set. Its cost grows with the
     * batch and the number of endpoints with pending work, not with the backlog: 100,000 due deliveries
     * for one endpoint cost a claim what 40 do (docs/benchmark/cost-curves.md, "Webhook backlog"). The
     * candidates reach the lock already sorted, so only the rows up to {@code limit} (and those skipped
     * as locked) are looked up and locked. {@code perEndpoint} is written into the statement as the
     * {@code LIMIT}, not bound: the planner then knows each endpoint gives a few rows and reads them in
     * the index's order, where for an unknown limit it may read and sort all of an endpoint's due rows.
     */
    List<DueDelivery> claimDue(Instant now, Lease lease, int limit, int perEndpoint, int perDeveloper,
            Map<String, Integer> endpointLoad, Map<String, Integer> developerLoad) {
        return jdbc.sql("""
                WITH RECURSIVE endpoint_load AS (
                    SELECT key AS id, value::int AS n FROM jsonb_each_text(?::jsonb)
                ), developer_load AS (
                    SELECT key AS id, value::int AS n FROM jsonb_each_text(?::jsonb)
                ), pending_endpoint AS (
                    (SELECT webhook_id FROM webhook_delivery WHERE status = 'pending' ORDER BY webhook_id LIMIT 1)
                    UNION ALL
                    SELECT (SELECT d.webhook_id FROM webhook_delivery d
                            WHERE d.status = 'pending' AND d.webhook_id > p.webhook_id ORDER BY d.webhook_id LIMIT 1)
                    FROM pending_endpoint p WHERE p.webhook_id IS NOT NULL
                ), open AS (
                    SELECT due.id, due.next_attempt_at, e.developer_id, coalesce(dl.n, 0) AS developer_busy,
                           coalesce(el.n, 0) + due.turn AS endpoint_slot
                    FROM pending_endpoint p
                    JOIN webhook_endpoint e ON e.id = p.webhook_id
                    LEFT JOIN endpoint_load el ON el.id = e.id
                    LEFT JOIN developer_load dl ON dl.id = e.developer_id
                    CROSS JOIN LATERAL (
                        SELECT d.id, d.next_attempt_at, row_number() OVER (ORDER BY d.next_attempt_at, d.id) AS turn
                        FROM webhook_delivery d
                        WHERE d.webhook_id = e.id AND d.status = 'pending' AND d.next_attempt_at <= ?
                        ORDER BY d.next_attempt_at, d.id
                        LIMIT %d
                    ) due
                    WHERE coalesce(el.n, 0) < ? AND coalesce(dl.n, 0) < ?
                ), fair AS (
                    SELECT id, next_attempt_at,
                           developer_busy + row_number() OVER (PARTITION BY developer_id
                                                               ORDER BY endpoint_slot, next_attempt_at, id) AS developer_slot
                    FROM open WHERE endpoint_slot <= ?
                ), claimed AS (
                    SELECT d.id
                    FROM (SELECT id, developer_slot, next_attempt_at FROM fair WHERE developer_slot <= ?
                          ORDER BY developer_slot, next_attempt_at, id) c
                    JOIN webhook_delivery d ON d.id = c.id
                    WHERE d.status = 'pending' AND d.next_attempt_at <= ?
                    ORDER BY c.developer_slot, c.next_attempt_at, c.id
                    LIMIT ? FOR UPDATE OF d SKIP LOCKED
                )
                UPDATE webhook_delivery d SET next_attempt_at = ?, lease_holder = ?
                FROM claimed, webhook_endpoint e
                WHERE d.id = claimed.id AND e.id = d.webhook_id
                RETURNING d.id, d.webhook_id, d.event_id, d.event, d.pause_id, d.data, d.attempts,
                          e.developer_id, e.livemode, e.url, e.secret_encrypted, d.traceparent""".formatted(perEndpoint))
                .params(json.writeValueAsString(endpointLoad), json.writeValueAsString(developerLoad),
                        Timestamp.from(now), perEndpoint, perDeveloper, perEndpoint, perDeveloper, Timestamp.from(now),
                        limit, Timestamp.from(now.plus(lease.length())), lease.holder())
                .query((row, n) -> new DueDelivery(row.getString("id"), row.getString("webhook_id"),
                        row.getString("event_id"), row.getString("event"), row.getString("pause_id"),
                        row.getString("developer_id"), row.getBoolean("livemode"),
                        PayloadData.read(json, row.getString("data")), row.getInt("attempts"),
                        row.getString("url"), row.getString("secret_encrypted"),
                        TraceContext.parse(row.getString("traceparent"))))
                .list();
    }

    /**
     * Makes {@code holder}'s leased deliveries due now, but those in {@code inFlight} (delivery ids);
     * returns how many (see {@link dev.pausepoint.delivery.schedule.DueWorkLoop}).
     */
    int releaseStranded(String holder, Collection<String> inFlight, Instant now) {
        return jdbc.sql("""
                UPDATE webhook_delivery SET next_attempt_at = ?, lease_holder = NULL
                WHERE status = 'pending' AND next_attempt_at > ? AND lease_holder = ? AND NOT (id = ANY(?))""")
                .params(Timestamp.from(now), Timestamp.from(now), holder, inFlight.toArray(String[]::new))
                .update();
    }

    /** Records one attempt and moves the delivery on; nothing moves once it is no longer pending. */
    void recordAttempt(DueDelivery delivery, int attempt, Integer statusCode, String error, long durationMs,
            String outcome, Instant nextAttemptAt, Instant now) {
        jdbc.sql("""
                INSERT INTO webhook_attempt (delivery_id, webhook_id, attempt, status_code, error, duration_ms,
                    next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(delivery.deliveryId(), delivery.webhookId(), attempt, statusCode, error, (int) durationMs,
                        nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt), Timestamp.from(now))
                .update();
        jdbc.sql("""
                UPDATE webhook_delivery SET status = ?, attempts = ?, next_attempt_at = ?, lease_holder = NULL
                WHERE id = ? AND status = 'pending'""")
                .params(outcome, attempt, nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt),
                        delivery.deliveryId())
                .update();
    }

    /**
     * Deletes up to {@code limit} finished deliveries created before {@code cutoff}, with their attempts;
     * returns how many deliveries went.
     */
    public int purgeFinishedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                WITH old AS (
                    SELECT id FROM webhook_delivery WHERE status <> 'pending' AND created_at < ? ORDER BY created_at LIMIT ?
                ), attempts AS (
                    DELETE FROM webhook_attempt WHERE delivery_id IN (SELECT id FROM old)
                )
                DELETE FROM webhook_delivery WHERE id IN (SELECT id FROM old)""")
                .params(Timestamp.from(cutoff), limit).update();
    }

    /** The endpoint's most recent attempts, newest first. */
    public List<DeliveryAttemptView> attempts(String webhookId, int limit) {
        return jdbc.sql("""
                SELECT a.delivery_id, d.event_id, d.event, d.pause_id, a.attempt, a.status_code, a.error,
                       a.duration_ms, a.next_attempt_at, a.created_at
                FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
                WHERE a.webhook_id = ? ORDER BY a.id DESC LIMIT ?""")
                .params(webhookId, limit)
                .query((row, n) -> attempt(row))
                .list();
    }

    /**
     * The attempts to post {@code pauseId}'s events to the endpoints of {@code developerId}'s world
     * {@code livemode} (deleted endpoints too: the posts happened), each with its endpoint, oldest first, at
     * most the {@code limit} newest. Another developer's pause, or the other world's, has none here.
     */
    public List<EndpointAttemptView> attemptsOfPause(String pauseId, String developerId, boolean livemode,
            int limit) {
        return jdbc.sql("""
                SELECT * FROM (
                    SELECT e.id AS webhook_id, e.url, a.id, a.delivery_id, d.event_id, d.event, d.pause_id, a.attempt,
                           a.status_code, a.error, a.duration_ms, a.next_attempt_at, a.created_at
                    FROM webhook_delivery d
                    JOIN webhook_endpoint e ON e.id = d.webhook_id
                    JOIN webhook_attempt a ON a.delivery_id = d.id
                    WHERE d.pause_id = ? AND e.developer_id = ? AND e.livemode = ?
                    ORDER BY a.id DESC LIMIT ?
                ) newest ORDER BY id""")
                .params(pauseId, developerId, livemode, limit)
                .query((row, n) -> new EndpointAttemptView(row.getString("webhook_id"), row.getString("url"),
                        attempt(row)))
                .list();
    }

    private static DeliveryAttemptView attempt(ResultSet row) throws SQLException {
        return new DeliveryAttemptView(row.getString("delivery_id"), row.getString("event_id"), row.getString("event"),
                row.getString("pause_id"), row.getInt("attempt"), (Integer) row.getObject("status_code"),
                row.getString("error"), row.getLong("duration_ms"), WholeSeconds.of(row.getTimestamp("next_attempt_at")),
                WholeSeconds.of(row.getTimestamp("created_at")));
    }

    /**
     * Whether the endpoint has a test delivery not posted yet (pending, no attempt made; on the
     * pending-test index). Callers hold the endpoint's lock ({@link WebhookEndpointRepository#lockActive}).
     */
    boolean hasUnpostedTest(String webhookId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM webhook_delivery
                               WHERE webhook_id = ? AND status = 'pending' AND event = ? AND attempts = 0)""")
                .params(webhookId, WebhookService.TEST_EVENT).query(Boolean.class).single();
    }

    /**
     * Gives up the endpoint's test deliveries waiting for a retry: a new test replaces them, so at most one
     * test per endpoint is ever pending. Their attempts stay in the log.
     */
    void giveUpRetryingTests(String webhookId) {
        jdbc.sql("""
                UPDATE webhook_delivery SET status = 'failed', next_attempt_at = NULL
                WHERE webhook_id = ? AND status = 'pending' AND event = ? AND attempts > 0""")
                .params(webhookId, WebhookService.TEST_EVENT).update();
    }

    /** Pending deliveries: due at {@code now}, and scheduled for later (on the pending-deliveries index). */
    public WebhookBacklog backlog(Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE next_attempt_at <= ?), count(*) FILTER (WHERE next_attempt_at > ?)
                FROM webhook_delivery WHERE status = 'pending'""")
                .params(at, at)
                .query((row, n) -> new WebhookBacklog(row.getLong(1), row.getLong(2))).single();
    }
}
