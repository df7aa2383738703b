package dev.pausepoint.delivery.webhook;

import dev.pausepoint.kit.metrics.CachedReading;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Webhooks in numbers: each post with its latency and what it left the delivery
 * ({@code pausepoint.webhooks.attempts}: delivered, retrying or failed), each delivery once at its final
 * outcome ({@code pausepoint.webhooks.deliveries}), and the deliveries waiting
 * ({@code pausepoint.webhooks.backlog}: due now, or scheduled for a later retry), read with one query on
 * the pending-deliveries index at most every few seconds. docs/observability.md lists them.
 */
@Component
public class WebhookMetrics {

    private static final String RETRYING = "retrying";
    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final MeterRegistry meters;

    /** The backlog gauges show NaN while the database does not answer. */
    public WebhookMetrics(MeterRegistry meters, WebhookDeliveryRepository deliveries, Clock clock) {
        this.meters = meters;
        CachedReading<WebhookBacklog> backlog = new CachedReading<>("webhook backlog", MAX_AGE,
                WebhookBacklog.UNKNOWN, () -> deliveries.backlog(clock.instant()));
        Gauge.builder("pausepoint.webhooks.backlog", backlog, reading -> reading.get().due())
                .description("Webhook deliveries waiting to be posted").baseUnit("deliveries").tag("state", "due")
                .strongReference(true).register(meters);
        Gauge.builder("pausepoint.webhooks.backlog", backlog, reading -> reading.get().scheduled())
                .description("Webhook deliveries waiting to be posted").baseUnit("deliveries").tag("state", "scheduled")
                .strongReference(true).register(meters);
    }

    /** A post that took {@code millis} and left its delivery {@code outcome} (the repository's word for it). */
    void attempted(String outcome, long millis) {
        String named = "pending".equals(outcome) ? RETRYING : outcome;
        Timer.builder("pausepoint.webhooks.attempts").description("Webhook posts and how long each took")
                .tag("outcome", named).register(meters).record(Duration.ofMillis(millis));
        if (!RETRYING.equals(named)) {
            Counter.builder("pausepoint.webhooks.deliveries").description("Webhook deliveries by final outcome")
                    .tag("outcome", named).register(meters).increment();
        }
    }
}
