package dev.pausepoint.benchmark;

import dev.pausepoint.localstack.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pauses can time out no sooner than an hour after creation, so the benchmark moves the expiry of
 * 300 fresh pauses to a few seconds ahead in pause-service's database, then takes the time from each
 * expiry to its {@code pause.timed_out} webhook (an upper bound on the sweeper's lateness).
 */
final class TimeoutLateness extends Phase {

    private final Arrivals webhooks;

    TimeoutLateness(Harness harness) {
        super("timeout lateness", harness);
        this.webhooks = Arrivals.webhooks(stack.outside(), "pause.timed_out");
    }

    @Override
    void run() throws SQLException {
        System.out.println("timeout lateness...");
        List<String> ids = developer.createMany(300).stream().map(pause -> pause[0]).toList();
        Map<String, Instant> expiries = new ConcurrentHashMap<>();
        try (Connection db = stack.connect(Service.PAUSE);
                PreparedStatement expire = db.prepareStatement("UPDATE pause SET expires_at = now() + interval '3 seconds' "
                        + "WHERE id = ANY (?) RETURNING id, expires_at")) {
            expire.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = expire.executeQuery()) {
                while (rows.next()) {
                    expiries.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
        long nowNanos = System.nanoTime();
        Instant now = Instant.now();
        expiries.forEach((id, expiry) -> webhooks.started(id, nowNanos + Duration.between(now, expiry).toNanos()));
        webhooks.await(ids, ids.size());
        var lateness = webhooks.latencies();
        double p99 = lateness.getValueAtPercentile(99) / 1e6;
        report.figure("timeout lateness after expires_at (to the webhook), p99 of 300", "%.2f s", p99, "≤ 2 s", p99 <= 2);
        report.note("  p50 %.2f s, max %.2f s".formatted(lateness.getValueAtPercentile(50) / 1e6,
                lateness.getMaxValue() / 1e6));
    }
}
