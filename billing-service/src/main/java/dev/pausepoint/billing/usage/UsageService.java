package dev.pausepoint.billing.usage;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.kit.plan.Plan;
import dev.pausepoint.kit.plan.PlanCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
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

    private final UsageRepository usage;
    private final TransactionTemplate transactions;
    private final PlanCatalog plans;
    private final Clock clock;

    public UsageService(UsageRepository usage, TransactionTemplate transactions, PlanCatalog plans, Clock clock) {
        this.usage = usage;
        this.transactions = transactions;
        this.plans = plans;
        this.clock = clock;
    }

    public Usage reserve(String developerId, String pauseId) {
        Instant now = clock.instant();
        UsagePeriod period = UsagePeriod.containing(now);
        return transactions.execute(status -> {
            Plan plan = plans.get(usage.planOf(developerId)
                    .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "Unknown developer.")));
            if (!usage.reserve(pauseId, developerId, period.start(), now)) {
                // Reserved before: this is a retry, and the slot is already counted.
                return new Usage(usage.pausesUsed(developerId, period.start()), plan.pausesPerMonth());
            }
            Optional<Integer> used = usage.countOneMore(developerId, period.start(), plan.pausesPerMonth());
            if (used.isEmpty()) {
                status.setRollbackOnly();
                throw new PlanLimitReachedException(plan, plan.upgrade() == null ? null : plans.get(plan.upgrade()));
            }
            return new Usage(used.get(), plan.pausesPerMonth());
        });
    }

    /** Gives back the slot of a pause that was never created; a second release does nothing. */
    public void release(String pauseId) {
        transactions.executeWithoutResult(status -> usage.release(pauseId, clock.instant()));
    }
}
