package dev.pausepoint.billing.usage;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.kit.plan.Plan;
import dev.pausepoint.kit.plan.PlanCatalog;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly quota. A reservation is idempotent per pause id and atomic: the month's counter is
 * raised only while below the plan's limit, under the counter row's lock, so concurrent creates can
 * never exceed it. The plan is read here, from the account, never from the caller.
 */
@Service
public class UsageService {

    /** The month's count after a reservation, and the limit (null when unlimited). */
    public record Usage(int pausesUsed, Integer pausesLimit) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PlanCatalog plans;
    private final Clock clock;

    public UsageService(JdbcClient jdbc, TransactionTemplate transactions, PlanCatalog plans, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.plans = plans;
        this.clock = clock;
    }

    public Usage reserve(String developerId, String pauseId) {
        Instant now = clock.instant();
        UsagePeriod period = UsagePeriod.containing(now);
        return transactions.execute(status -> {
            String planName = jdbc.sql("SELECT plan FROM developer WHERE id = ?").param(developerId)
                    .query(String.class).optional()
                    .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "Unknown developer."));
            Plan plan = plans.get(planName);
            int inserted = jdbc.sql("""
                    INSERT INTO usage_reservation (pause_id, developer_id, period_start, reserved_at)
                    VALUES (?, ?, ?, ?) ON CONFLICT (pause_id) DO NOTHING""")
                    .params(pauseId, developerId, Date.valueOf(period.start()), Timestamp.from(now)).update();
            if (inserted == 0) {
                // Reserved before: this is a retry, and the slot is already counted.
                return new Usage(used(developerId, period), plan.pausesPerMonth());
            }
            Integer used = jdbc.sql("""
                    INSERT INTO monthly_usage (developer_id, period_start, pauses_used) VALUES (?, ?, 1)
                    ON CONFLICT (developer_id, period_start) DO UPDATE SET pauses_used = monthly_usage.pauses_used + 1
                    WHERE ?::integer IS NULL OR monthly_usage.pauses_used < ?
                    RETURNING pauses_used""")
                    .params(developerId, Date.valueOf(period.start()), plan.pausesPerMonth(), plan.pausesPerMonth())
                    .query(Integer.class).optional().orElse(null);
            if (used == null) {
                status.setRollbackOnly();
                throw new PlanLimitReachedException(plan, plan.upgrade() == null ? null : plans.get(plan.upgrade()));
            }
            return new Usage(used, plan.pausesPerMonth());
        });
    }

    /** Gives back the slot of a pause that was never created; a second release does nothing. */
    public void release(String pauseId) {
        transactions.executeWithoutResult(status -> jdbc.sql("""
                WITH released AS (
                    UPDATE usage_reservation SET released_at = ? WHERE pause_id = ? AND released_at IS NULL
                    RETURNING developer_id, period_start)
                UPDATE monthly_usage u SET pauses_used = u.pauses_used - 1 FROM released r
                WHERE u.developer_id = r.developer_id AND u.period_start = r.period_start""")
                .params(Timestamp.from(clock.instant()), pauseId).update());
    }

    private int used(String developerId, UsagePeriod period) {
        return jdbc.sql("SELECT pauses_used FROM monthly_usage WHERE developer_id = ? AND period_start = ?")
                .params(developerId, Date.valueOf(period.start())).query(Integer.class).optional().orElse(0);
    }
}
