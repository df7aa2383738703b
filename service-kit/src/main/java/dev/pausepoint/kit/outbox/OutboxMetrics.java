package dev.pausepoint.kit.outbox;

import dev.pausepoint.kit.metrics.CachedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How far the relay is behind: rows waiting in {@code outbox_event} ({@code pausepoint.outbox.backlog})
 * and the age of the oldest ({@code pausepoint.outbox.oldest.age}, 0 when empty). A backlog that grows
 * is normal for a moment; an age that keeps growing means events are not leaving (broker down, relay
 * stuck). Both come from one query (the oldest row by primary key), read at most every few seconds.
 */
final class OutboxMetrics {

    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    private record Backlog(double rows, double oldestSeconds) {
    }

    OutboxMetrics(JdbcClient jdbc, MeterRegistry meters) {
        CachedReading<Backlog> backlog = new CachedReading<>("outbox backlog", MAX_AGE, new Backlog(Double.NaN,
                Double.NaN), () -> jdbc.sql("""
                        SELECT count(*),
                               COALESCE(EXTRACT(EPOCH FROM clock_timestamp()
                                   - (SELECT created_at FROM outbox_event ORDER BY id LIMIT 1)), 0)
                        FROM outbox_event""")
                .query((rs, n) -> new Backlog(rs.getLong(1), rs.getDouble(2))).single());
        Gauge.builder("pausepoint.outbox.backlog", backlog, reading -> reading.get().rows())
                .description("Outbox rows not yet published to Kafka").baseUnit("rows").strongReference(true).register(meters);
        Gauge.builder("pausepoint.outbox.oldest.age", backlog, reading -> reading.get().oldestSeconds())
                .description("Age of the oldest outbox row not yet published (0 when none)").baseUnit("seconds")
                .strongReference(true).register(meters);
    }
}
