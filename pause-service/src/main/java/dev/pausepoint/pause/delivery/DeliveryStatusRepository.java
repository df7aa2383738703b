package dev.pausepoint.pause.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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
        List<Sent> first = sends.stream().filter(sent -> sent.notification() == 0).toList();
        List<Sent> followUps = sends.stream().filter(sent -> sent.notification() != 0).toList();
        if (!first.isEmpty()) {
            Columns c = new Columns(first);
            jdbc.sql("""
                    UPDATE pause SET delivery_status = CASE WHEN pause.delivery_status = 'queued' THEN s.status
                            ELSE pause.delivery_status END,
                        delivery_attempts = GREATEST(pause.delivery_attempts, s.attempt),
                        delivery_updated_at = GREATEST(pause.delivery_updated_at, s.at),
                        delivery_sandbox_message = COALESCE(s.message, pause.delivery_sandbox_message)
                    FROM unnest(?::text[], ?::text[], ?::integer[], ?::timestamptz[], ?::text[])
                        AS s(id, status, attempt, at, message)
                    WHERE pause.id = s.id AND pause.delivery_status IN ('queued', 'sent', 'sandbox')""")
                    .params(c.ids, c.statuses, c.attempts, c.times, c.messages).update();
        }
        if (!followUps.isEmpty()) {
            // The follow-ups' blocks (pause_schedule), each row its own notification's, moved the same way.
            Columns c = new Columns(followUps);
            jdbc.sql("""
                    UPDATE pause_schedule p SET delivery_status = CASE WHEN p.delivery_status = 'queued' THEN s.status
                            ELSE p.delivery_status END,
                        delivery_attempts = GREATEST(p.delivery_attempts, s.attempt),
                        delivery_updated_at = GREATEST(p.delivery_updated_at, s.at),
                        delivery_sandbox_message = COALESCE(s.message, p.delivery_sandbox_message)
                    FROM unnest(?::text[], ?::integer[], ?::text[], ?::integer[], ?::timestamptz[], ?::text[])
                        AS s(id, notification, status, attempt, at, message)
                    WHERE p.pause_id = s.id AND p.notification = s.notification
                        AND p.delivery_status IN ('queued', 'sent', 'sandbox')""")
                    .params(c.ids, c.numbers, c.statuses, c.attempts, c.times, c.messages).update();
        }
    }

    /** Sends as the columns of an {@code unnest}, one array per column. */
    private static final class Columns {

        final String[] ids;
        final Integer[] numbers;
        final String[] statuses;
        final Integer[] attempts;
        final String[] times;
        final String[] messages;

        Columns(Collection<Sent> sends) {
            int size = sends.size();
            ids = new String[size];
            numbers = new Integer[size];
            statuses = new String[size];
            attempts = new Integer[size];
            times = new String[size];
            messages = new String[size];
            int i = 0;
            for (Sent sent : sends) {
                ids[i] = sent.pauseId();
                numbers[i] = sent.notification();
                statuses[i] = sent.sandbox() ? "sandbox" : "sent";
                attempts[i] = sent.attempt();
                times[i] = sent.at().toString();
                messages[i] = sent.sandboxMessage();
                i++;
            }
        }
    }

    /** One send to a provider, or several to one notification folded into the one that writing each in turn gives. */
    record Sent(String pauseId, int notification, boolean sandbox, int attempt, Instant at, String sandboxMessage) {

        /** This send followed by {@code later}, to the same pause: as the two updates one after the other leave it. */
        Sent then(Sent later) {
            // The status is set by the first while queued (a pause is sandbox or not for good), the attempt
            // and the time only grow, and a later message replaces an earlier one.
            return new Sent(pauseId, notification, sandbox, Math.max(attempt, later.attempt),
                    at.isAfter(later.at) ? at : later.at, later.sandboxMessage != null ? later.sandboxMessage : sandboxMessage);
        }
    }

    void delivered(String pauseId, int notification, Instant at) {
        if (notification != 0) {
            jdbc.sql("""
                    UPDATE pause_schedule SET delivery_status = 'delivered', delivery_updated_at = ?
                    WHERE pause_id = ? AND notification = ? AND delivery_status IN ('queued', 'sent')""")
                    .params(Timestamp.from(at), pauseId, notification).update();
            return;
        }
        jdbc.sql("""
                UPDATE pause SET delivery_status = 'delivered', delivery_updated_at = ?
                WHERE id = ? AND delivery_status IN ('queued', 'sent')""")
                .params(Timestamp.from(at), pauseId).update();
    }

    /** Also from sandbox: a test pause's test recipient that fails delivery (docs/testing.md) is reported so. */
    void failed(String pauseId, int notification, int attempts, String error, Instant at) {
        if (notification != 0) {
            jdbc.sql("""
                    UPDATE pause_schedule SET delivery_status = 'failed', delivery_last_error = ?,
                        delivery_attempts = GREATEST(delivery_attempts, ?), delivery_updated_at = ?
                    WHERE pause_id = ? AND notification = ? AND delivery_status IN ('queued', 'sent', 'sandbox')""")
                    .params(error, attempts, Timestamp.from(at), pauseId, notification).update();
            return;
        }
        jdbc.sql("""
                UPDATE pause SET delivery_status = 'failed', delivery_last_error = ?,
                    delivery_attempts = GREATEST(delivery_attempts, ?), delivery_updated_at = ?
                WHERE id = ? AND delivery_status IN ('queued', 'sent', 'sandbox')""")
                .params(error, attempts, Timestamp.from(at), pauseId).update();
    }
}
