package dev.pausepoint.pause.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code delivery_*} columns of a pause. Each update names the states it may move from, so the
 * status only moves forward (queued, then sent or sandbox, then delivered or failed), and the attempt
 * count and the time only grow: an event that arrives twice, or after a later one, changes nothing. That
 * is what makes the delivery-status consumer idempotent without a ledger row per event.
 */
@Repository
public class DeliveryStatusRepository {

    private final JdbcClient jdbc;

    public DeliveryStatusRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sent to a provider ({@code sandbox} for a test pause, with the message it would have sent). */
    void sent(String pauseId, boolean sandbox, int attempt, String sandboxMessage, Instant at) {
        jdbc.sql("""
                UPDATE pause SET delivery_status = CASE WHEN delivery_status = 'queued' THEN ? ELSE delivery_status END,
                    delivery_attempts = GREATEST(delivery_attempts, ?),
                    delivery_updated_at = GREATEST(delivery_updated_at, ?),
                    delivery_sandbox_message = COALESCE(?, delivery_sandbox_message)
                WHERE id = ? AND delivery_status IN ('queued', 'sent', 'sandbox')""")
                .params(sandbox ? "sandbox" : "sent", attempt, Timestamp.from(at), sandboxMessage, pauseId).update();
    }

    void delivered(String pauseId, Instant at) {
        jdbc.sql("""
                UPDATE pause SET delivery_status = 'delivered', delivery_updated_at = ?
                WHERE id = ? AND delivery_status IN ('queued', 'sent')""")
                .params(Timestamp.from(at), pauseId).update();
    }

    void failed(String pauseId, int attempts, String error, Instant at) {
        jdbc.sql("""
                UPDATE pause SET delivery_status = 'failed', delivery_last_error = ?,
                    delivery_attempts = GREATEST(delivery_attempts, ?), delivery_updated_at = ?
                WHERE id = ? AND delivery_status IN ('queued', 'sent')""")
                .params(error, attempts, Timestamp.from(at), pauseId).update();
    }
}
