package dev.pausepoint.delivery.webhook;

import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hourly, drops finished webhook deliveries (and their attempts) older than the retention, so the
 * delivery log stays "recent attempts" and a busy endpoint's retries do not grow the tables forever.
 * Any instance may run it; the deletes are idempotent.
 */
@Component
public class WebhookLogPurge {

    private static final int BATCH = 5_000;

    private final WebhookDeliveryRepository deliveries;
    private final Clock clock;
    private final Duration retention;

    public WebhookLogPurge(WebhookDeliveryRepository deliveries, Clock clock, WebhookProperties properties) {
        this.deliveries = deliveries;
        this.clock = clock;
        this.retention = properties.webhookLogRetention();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public int purge() {
        int total = 0;
        int removed;
        do {
            removed = deliveries.purgeFinishedBefore(clock.instant().minus(retention), BATCH);
            total += removed;
        } while (removed == BATCH);
        return total;
    }
}
