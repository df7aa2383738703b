package dev.pausepoint.billing.usage;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A month's counter per developer, and one reservation per pause that the counter counts. */
@Repository
public class UsageRepository {

    private final JdbcClient jdbc;

    public UsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int pausesUsed(String developerId, LocalDate periodStart) {
        return jdbc.sql("SELECT pauses_used FROM monthly_usage WHERE developer_id = ? AND period_start = ?")
                .params(developerId, Date.valueOf(periodStart))
                .query(Integer.class).optional().orElse(0);
    }

    /**
     * The developer's plan, read from the account's row here rather than through the account feature,
     * which reads this feature's counters (the two would depend on each other).
     */
    public Optional<String> planOf(String developerId) {
        return jdbc.sql("SELECT plan FROM developer WHERE id = ?").param(developerId).query(String.class).optional();
    }

    /** Records the reservation of {@code pauseId}; false when it was recorded before. */
    public boolean reserve(String pauseId, String developerId, LocalDate periodStart, Instant reservedAt) {
        return jdbc.sql("""
                INSERT INTO usage_reservation (pause_id, developer_id, period_start, reserved_at)
                VALUES (?, ?, ?, ?) ON CONFLICT (pause_id) DO NOTHING""")
                .params(pauseId, developerId, Date.valueOf(periodStart), Timestamp.from(reservedAt)).update() == 1;
    }

    /**
     * Raises the month's counter by one if it is below {@code limit} (null: no limit), under the counter
     * row's lock; the new count, or empty when the limit is reached.
     */
    public Optional<Integer> countOneMore(String developerId, LocalDate periodStart, Integer limit) {
        return jdbc.sql("""
                INSERT INTO monthly_usage (developer_id, period_start, pauses_used) VALUES (?, ?, 1)
                ON CONFLICT (developer_id, period_start) DO UPDATE SET pauses_used = monthly_usage.pauses_used + 1
                WHERE ?::integer IS NULL OR monthly_usage.pauses_used < ?
                RETURNING pauses_used""")
                .params(developerId, Date.valueOf(periodStart), limit, limit)
                .query(Integer.class).optional();
    }

    /** Marks the reservation of {@code pauseId} released and gives its slot back; a second release does nothing. */
    public void release(String pauseId, Instant releasedAt) {
        jdbc.sql("""
                WITH released AS (
                    UPDATE usage_reservation SET released_at = ? WHERE pause_id = ? AND released_at IS NULL
                    RETURNING developer_id, period_start)
                UPDATE monthly_usage u SET pauses_used = u.pauses_used - 1 FROM released r
                WHERE u.developer_id = r.developer_id AND u.period_start = r.period_start""")
                .params(Timestamp.from(releasedAt), pauseId).update();
    }
}
