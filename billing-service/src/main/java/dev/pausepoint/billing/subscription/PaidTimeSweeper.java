package dev.pausepoint.billing.subscription;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves developers whose canceled (or paused) subscription reached the end of its paid time to the plan
 * they are still entitled to, usually free. Every instance runs it; SKIP LOCKED keeps them apart.
 */
@Component
public class PaidTimeSweeper {

    private static final Logger log = LoggerFactory.getLogger(PaidTimeSweeper.class);
    private static final int BATCH = 100;

    private final SubscriptionService subscriptions;

    public PaidTimeSweeper(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Scheduled(fixedDelayString = "${pausepoint.billing.paddle.entitlement-sweep-interval}")
    public void sweep() {
        try {
            while (subscriptions.endPaidTime(BATCH) == BATCH) {
                // A full batch: more may be due.
            }
        } catch (RuntimeException e) {
            log.warn("Paid-time sweep failed, the next one retries: {}", e.toString());
        }
    }
}
