package dev.pausepoint.delivery.webhook;

import dev.pausepoint.delivery.DeliveryProperties;
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

    private final WebhookStore store;
    private final Clock clock;
    private final Duration retention;

    public WebhookLogPurge(WebhookStore store, Clock clock, DeliveryProperties properties) {
        this.store = store;
        this.clock = clock;
        this.retention = properties.webhookLogRetention();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public int purge() {
        int total = 0;
        int removed;
        do {
            removed = store.purgeFinishedBefore(clock.instant().minus(retention), BATCH);
            total += removed;
        } while (removed == BATCH);
        return total;
    }
}
