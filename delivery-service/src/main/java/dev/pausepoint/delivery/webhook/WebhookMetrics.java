package dev.pausepoint.delivery.webhook;

import dev.pausepoint.kit.metrics.CachedReading;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    static final String DELIVERED = "delivered";
    static final String RETRYING = "retrying";
    static final String FAILED = "failed";
    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    private record Backlog(double due, double scheduled) {
    }

    private final MeterRegistry meters;

    public WebhookMetrics(MeterRegistry meters, JdbcClient jdbc) {
        this.meters = meters;
        CachedReading<Backlog> backlog = new CachedReading<>("webhook backlog", MAX_AGE,
                new Backlog(Double.NaN, Double.NaN), () -> jdbc.sql("""
                        SELECT count(*) FILTER (WHERE next_attempt_at <= now()),
                               count(*) FILTER (WHERE next_attempt_at > now())
                        FROM webhook_delivery WHERE status = 'pending'""")
                .query((rs, n) -> new Backlog(rs.getLong(1), rs.getLong(2))).single());
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
