package dev.pausepoint.billing.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SubscriptionRepository {

    private final JdbcClient jdbc;

    public SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records {@code eventId} as received; false when it was received before (Paddle retried it). */
    public boolean firstReceipt(PaddleEvent event, Instant now) {
        return jdbc.sql("""
                INSERT INTO paddle_event (event_id, event_type, occurred_at, outcome, received_at)
                VALUES (?, ?, ?, 'received', ?) ON CONFLICT (event_id) DO NOTHING""")
                .params(event.eventId(), event.eventType(), Timestamp.from(event.occurredAt()), Timestamp.from(now))
                .update() == 1;
    }

    public void recordOutcome(String eventId, String outcome) {
        jdbc.sql("UPDATE paddle_event SET outcome = ? WHERE event_id = ?").params(outcome, eventId).update();
    }

    /** Serialises the handling of one subscription's events across instances until the transaction ends. */
    public void lock(String paddleSubscriptionId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('paddle-subscription:' || ?, 0))")
                .param(paddleSubscriptionId).query().singleRow();
    }

    public Optional<Subscription> find(String paddleSubscriptionId) {
        return jdbc.sql("SELECT * FROM subscription WHERE paddle_subscription_id = ?").param(paddleSubscriptionId)
                .query(SubscriptionRepository::map).optional();
    }

    /** The developer's most recently changed subscription, if they ever had one. */
    public Optional<Subscription> latestOf(String developerId) {
        return jdbc.sql("SELECT * FROM subscription WHERE developer_id = ? ORDER BY updated_at DESC LIMIT 1")
                .param(developerId).query(SubscriptionRepository::map).optional();
    }

    public void save(Subscription s) {
        jdbc.sql("""
                INSERT INTO subscription (paddle_subscription_id, developer_id, paddle_customer_id, status, plan, price_id,
                    current_period_end, scheduled_change, scheduled_change_at, entitled_until, last_event_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (paddle_subscription_id) DO UPDATE SET developer_id = EXCLUDED.developer_id,
                    paddle_customer_id = EXCLUDED.paddle_customer_id, status = EXCLUDED.status, plan = EXCLUDED.plan,
                    price_id = EXCLUDED.price_id, current_period_end = EXCLUDED.current_period_end,
                    scheduled_change = EXCLUDED.scheduled_change, scheduled_change_at = EXCLUDED.scheduled_change_at,
                    entitled_until = EXCLUDED.entitled_until, last_event_at = EXCLUDED.last_event_at,
                    updated_at = EXCLUDED.updated_at""")
                .params(s.paddleSubscriptionId(), s.developerId(), s.paddleCustomerId(), s.status(), s.plan(),
                        s.priceId(), ts(s.currentPeriodEnd()), s.scheduledChange(), ts(s.scheduledChangeAt()),
                        ts(s.entitledUntil()), ts(s.lastEventAt()), ts(s.updatedAt()))
                .update();
    }

    /**
     * The plans the developer's subscriptions entitle them to at {@code now}: those Paddle is collecting for
     * (active, trialing, and past_due while Paddle retries the payment), and canceled or paused ones until
     * the end of the time already paid for.
     */
    public List<String> entitledPlans(String developerId, Instant now) {
        return jdbc.sql("""
                SELECT plan FROM subscription
                WHERE developer_id = ? AND (status IN ('active', 'trialing', 'past_due') OR entitled_until > ?)""")
                .params(developerId, Timestamp.from(now)).query(String.class).list();
    }

    /**
     * Claims up to {@code limit} subscriptions whose paid time ended by {@code now}, clearing it, and returns
     * their developers. Locked rows are skipped, so instances sweeping together never take the same one.
     */
    public List<String> endEntitlements(Instant now, int limit) {
        return jdbc.sql("""
                UPDATE subscription SET entitled_until = NULL, updated_at = ?
                WHERE paddle_subscription_id IN (
                    SELECT paddle_subscription_id FROM subscription WHERE entitled_until <= ?
                    ORDER BY entitled_until LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING developer_id""")
                .params(Timestamp.from(now), Timestamp.from(now), limit).query(String.class).list();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Subscription map(ResultSet row, int number) throws SQLException {
        return new Subscription(row.getString("paddle_subscription_id"), row.getString("developer_id"),
                row.getString("paddle_customer_id"), row.getString("status"), row.getString("plan"),
                row.getString("price_id"), instant(row, "current_period_end"), row.getString("scheduled_change"),
                instant(row, "scheduled_change_at"), instant(row, "entitled_until"), instant(row, "last_event_at"),
                instant(row, "updated_at"));
    }
}
