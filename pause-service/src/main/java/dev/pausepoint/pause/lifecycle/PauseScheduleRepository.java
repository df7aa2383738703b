package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.kit.outbox.Outbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The follow-ups of pauses ({@code pause_schedule}): written at create, emitted or skipped by the due work,
 * read with their pause.
 */
@Repository
public class PauseScheduleRepository {

    /** A due row, claimed by one instance's due work. */
    record Due(String pauseId, ScheduledNotification notification) {
    }

    /** A follow-up as a read of its pause shows it: where it is in its life and how its delivery went. */
    record Entry(ScheduledNotification notification, String state, Pause.Delivery delivery) {
    }

    private final JdbcClient jdbc;

    public PauseScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The statement that stores a new pause's follow-ups, one row each; run with the pause's own insert. */
    Outbox.Write insertion(String pauseId, List<ScheduledNotification> schedule) {
        int size = schedule.size();
        Integer[] numbers = new Integer[size];
        String[] kinds = new String[size];
        Integer[] steps = new Integer[size];
        Integer[] reminders = new Integer[size];
        String[] channels = new String[size];
        String[] recipients = new String[size];
        Integer[] slots = new Integer[size];
        String[] dueAt = new String[size];
        for (int i = 0; i < size; i++) {
            ScheduledNotification n = schedule.get(i);
            numbers[i] = n.notification();
            kinds[i] = n.kind();
            steps[i] = n.step();
            reminders[i] = n.reminder();
            channels[i] = n.channel();
            recipients[i] = n.recipient();
            slots[i] = n.slot();
            dueAt[i] = n.dueAt().toString();
        }
        return new Outbox.Write("""
                INSERT INTO pause_schedule (pause_id, notification, kind, step, reminder, channel, recipient, slot, due_at)
                SELECT ?, n.* FROM unnest(?::integer[], ?::text[], ?::integer[], ?::integer[], ?::text[], ?::text[],
                    ?::integer[], ?::timestamptz[]) AS n(notification, kind, step, reminder, channel, recipient, slot, due_at)""",
                pauseId, numbers, kinds, steps, reminders, channels, recipients, slots, dueAt);
    }

    /**
     * Up to {@code limit} scheduled rows due at {@code now}, locked until the caller's transaction ends. SKIP
     * LOCKED lets every instance's due work share them without waiting on or repeating each other.
     */
    List<Due> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM pause_schedule WHERE state = 'scheduled' AND due_at <= ?
                ORDER BY due_at, pause_id, notification LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(Timestamp.from(now), limit)
                .query((row, n) -> new Due(row.getString("pause_id"), notification(row))).list();
    }

    /** Marks claimed rows emitted (at {@code now}) or skipped, in one statement. */
    void settle(Collection<Due> emitted, Collection<Due> skipped, Instant now) {
        int size = emitted.size() + skipped.size();
        String[] ids = new String[size];
        Integer[] numbers = new Integer[size];
        String[] states = new String[size];
        int i = 0;
        for (Due due : emitted) {
            ids[i] = due.pauseId();
            numbers[i] = due.notification().notification();
            states[i++] = "emitted";
        }
        for (Due due : skipped) {
            ids[i] = due.pauseId();
            numbers[i] = due.notification().notification();
            states[i++] = "skipped";
        }
        jdbc.sql("""
                UPDATE pause_schedule s SET state = u.state,
                    emitted_at = CASE WHEN u.state = 'emitted' THEN ?::timestamptz END
                FROM unnest(?::text[], ?::integer[], ?::text[]) AS u(pause_id, notification, state)
                WHERE s.pause_id = u.pause_id AND s.notification = u.notification AND s.state = 'scheduled'""")
                .params(Timestamp.from(now), ids, numbers, states).update();
    }

    /** The follow-ups of each of these pauses, in notification order: one statement for a page. */
    Map<String, List<Entry>> forPauses(Collection<String> pauseIds) {
        Map<String, List<Entry>> byPause = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM pause_schedule WHERE pause_id = ANY(?) ORDER BY pause_id, notification")
                .param(pauseIds.toArray(String[]::new))
                .query(row -> {
                    byPause.computeIfAbsent(row.getString("pause_id"), id -> new ArrayList<>())
                            .add(new Entry(notification(row), row.getString("state"),
                                    new Pause.Delivery(row.getString("delivery_status"), row.getInt("delivery_attempts"),
                                            row.getString("delivery_last_error"), instant(row, "delivery_updated_at"),
                                            row.getString("delivery_sandbox_message"))));
                });
        return byPause;
    }

    private static ScheduledNotification notification(ResultSet row) throws SQLException {
        return new ScheduledNotification(row.getInt("notification"), row.getString("kind"),
                (Integer) row.getObject("step"), (Integer) row.getObject("reminder"), row.getString("channel"),
                row.getString("recipient"), row.getInt("slot"), instant(row, "due_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
