package dev.pausepoint.pause.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
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

    /**
     * Sent to a provider ({@code sandbox} for a test pause, with the message it would have sent), for many
     * pauses in one statement: the sends a poll brings are one per created pause, so one statement a poll
     * instead of one per pause. At most one send per pause ({@link Sent#then} folds several into one).
     */
    void sent(Collection<Sent> sends) {
        if (sends.isEmpty()) {
            return;
        }
        int size = sends.size();
        String[] ids = new String[size];
        String[] statuses = new String[size];
        Integer[] attempts = new Integer[size];
        String[] times = new String[size];
        String[] messages = new String[size];
        int i = 0;
        for (Sent sent : sends) {
            ids[i] = sent.pauseId();
            statuses[i] = sent.sandbox() ? "sandbox" : "sent";
            attempts[i] = sent.attempt();
            times[i] = sent.at().toString();
            messages[i] = sent.sandboxMessage();
            i++;
        }
        jdbc.sql("""
                UPDATE pause SET delivery_status = CASE WHEN pause.delivery_status = 'queued' THEN s.status
                        ELSE pause.delivery_status END,
                    delivery_attempts = GREATEST(pause.delivery_attempts, s.attempt),
                    delivery_updated_at = GREATEST(pause.delivery_updated_at, s.at),
                    delivery_sandbox_message = COALESCE(s.message, pause.delivery_sandbox_message)
                FROM unnest(?::text[], ?::text[], ?::integer[], ?::timestamptz[], ?::text[])
                    AS s(id, status, attempt, at, message)
                WHERE pause.id = s.id AND pause.delivery_status IN ('queued', 'sent', 'sandbox')""")
                .params(ids, statuses, attempts, times, messages).update();
    }

    /** One send to a provider, or several to the same pause folded into the one that writing each in turn gives. */
    record Sent(String pauseId, boolean sandbox, int attempt, Instant at, String sandboxMessage) {

        /** This send followed by {@code later}, to the same pause: as the two updates one after the other leave it. */
        Sent then(Sent later) {
            // The status is set by the first while queued (a pause is sandbox or not for good), the attempt
            // and the time only grow, and a later message replaces an earlier one.
            return new Sent(pauseId, sandbox, Math.max(attempt, later.attempt), at.isAfter(later.at) ? at : later.at,
                    later.sandboxMessage != null ? later.sandboxMessage : sandboxMessage);
        }
    }

    void delivered(String pauseId, Instant at) {
        jdbc.sql("""
                UPDATE pause SET delivery_status = 'delivered', delivery_updated_at = ?
                WHERE id = ? AND delivery_status IN ('queued', 'sent')""")
                .params(Timestamp.from(at), pauseId).update();
    }

    /** Also from sandbox: a test pause's test recipient that fails delivery (docs/testing.md) is reported so. */
    void failed(String pauseId, int attempts, String error, Instant at) {
        jdbc.sql("""
                UPDATE pause SET delivery_status = 'failed', delivery_last_error = ?,
                    delivery_attempts = GREATEST(delivery_attempts, ?), delivery_updated_at = ?
                WHERE id = ? AND delivery_status IN ('queued', 'sent', 'sandbox')""")
                .params(error, attempts, Timestamp.from(at), pauseId).update();
    }
}
