package dev.pausepoint.benchmark.curves;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import dev.pausepoint.benchmark.SetUp;
import dev.pausepoint.localstack.Service;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A backlog of webhook deliveries, as an outage of the developer's receiver leaves it: the deliveries are
 * seeded as due in delivery-service's table (copies of a real one of the benchmark developer's endpoint),
 * the receiver answers 500 for a while, then 200. Sampled every second: how many are still pending and
 * delivered, and delivery-service's memory. The drain should run at a steady rate, with flat memory.
 */
final class WebhookBacklog extends CostCurve {

    static final String NAME = "webhook-backlog";
    /** How long the receiver is down; the run's retry delays (2 s) bring the failed ones back within it. */
    static final Duration DOWN = Duration.ofSeconds(20);
    /** The drain rate is averaged over windows this long, and the figures recorded as often. */
    static final int WINDOW_SECONDS = 5;
    /** How long the drain may take before the curve gives up waiting. */
    static final Duration DRAIN_AT_MOST = Duration.ofMinutes(12);

    private final String webhookPath;

    WebhookBacklog(Bench bench) {
        super(NAME, bench);
        this.webhookPath = URI.create(bench.webhookUrl()).getPath();
    }

    @Override
    Curve measure() throws Exception {
        long backlog = sizes.deliveries();
        String marker = "evt_backlog_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        String endpoint;
        try (Connection db = stack.connect(Service.DELIVERY)) {
            endpoint = seed(db, backlog, marker);
        }
        Series pending = Series.of("pending", "count", "%,.0f");
        Series delivered = Series.of("delivered", "count", "%,.0f");
        Series attempts = Series.of("attempts made", "count", "%,.0f");
        Series rate = Series.of("delivered per second (last 5 s)", "/s", "%.0f");
        Series rss = Series.of("delivery-service RSS", "MiB", "%.0f");
        Series heap = Series.of("delivery-service heap in use", "MiB", "%.0f");
        List<String> notes = new ArrayList<>();
        stack.outside().stubFor(post(urlEqualTo(webhookPath)).atPriority(1).willReturn(aResponse().withStatus(500)));
        long start = System.nanoTime();
        long downSeconds = DOWN.toSeconds();
        long deadline = start + DOWN.plus(DRAIN_AT_MOST).toNanos();
        long[] counts = counts(endpoint, marker);
        long deliveredBefore = 0;
        // Checked every second (to bring the receiver up on time and stop soon after the backlog is gone),
        // recorded every WINDOW_SECONDS, so the table stays readable for a drain of minutes.
        for (long second = 0; System.nanoTime() < deadline; second++) {
            if (second == downSeconds) {
                stack.outside().stubFor(post(urlEqualTo(webhookPath)).atPriority(1).willReturn(aResponse().withStatus(200)));
                progress("webhook receiver up, %,d deliveries pending".formatted(counts[0]));
            }
            boolean done = counts[0] == 0;
            if (second % WINDOW_SECONDS == 0 || done) {
                pending = pending.with(second, counts[0]);
                delivered = delivered.with(second, counts[1]);
                attempts = attempts.with(second, counts[3]);
                if (second > 0) {
                    rate = rate.with(second, (counts[1] - deliveredBefore) / (double) (second % WINDOW_SECONDS == 0
                            ? WINDOW_SECONDS : second % WINDOW_SECONDS));
                }
                deliveredBefore = counts[1];
                rss = rss.with(second, Metrics.rssMiB(stack, Service.DELIVERY));
                heap = heap.with(second, Metrics.heapMiB(stack, Service.DELIVERY));
            }
            if (done) {
                break;
            }
            sleep(Duration.ofNanos(Math.max(0, start + (second + 1) * 1_000_000_000L - System.nanoTime())));
            counts = counts(endpoint, marker);
        }
        long up = start + DOWN.toNanos();
        long drained = counts[0] == 0 ? (System.nanoTime() - up) / 1_000_000_000L : -1;
        notes.add(drained >= 0 ? "the backlog of %,d drained %d s after the receiver came up (%.0f a second on average)"
                .formatted(backlog, drained, backlog / (double) Math.max(1, drained))
                : "%,d still pending when the wait ended, %d minutes after the receiver came up".formatted(counts[0],
                        DRAIN_AT_MOST.toMinutes()));
        notes.add("%,d of the backlog failed for good (past their last retry)".formatted(counts[2]));
        notes.add("the receiver answered 500 for the first %d s, then 200; a delivery whose post failed is tried "
                .formatted(DOWN.toSeconds()) + "again 2 s later (this run's retry delays)");
        List<Verdict> verdicts = new ArrayList<>();
        // The steady rate: the windows wholly after the receiver came up, but the last, which the backlog may
        // have run out in.
        List<Series.Point> draining = rate.points().stream().filter(point -> point.x() >= downSeconds + WINDOW_SECONDS)
                .toList();
        if (draining.size() >= 3) {
            verdicts.add(Shape.flat(new Series("delivered per second while draining", rate.unit(), rate.format(),
                    draining.subList(0, draining.size() - 1)), 1.5, 0));
        } else {
            notes.add("too few full 5 s windows while draining to judge the rate's shape");
        }
        verdicts.add(Shape.flat(rss, 1.25, 32));
        return new Curve(NAME, "Webhook backlog: drain rate and memory", "seconds since the backlog was queued", "%,.0f",
                "drained at a steady rate with flat memory", List.of(pending, delivered, attempts, rate, rss, heap), verdicts,
                notes);
    }

    /** {@code backlog} due deliveries to the benchmark developer's endpoint, copied from its latest real one. */
    private String seed(Connection db, long backlog, String marker) throws SQLException {
        String endpoint;
        try (PreparedStatement find = db.prepareStatement("SELECT d.webhook_id FROM webhook_delivery d "
                + "JOIN webhook_endpoint e ON e.id = d.webhook_id WHERE e.developer_id = ? AND e.deleted_at IS NULL "
                + "ORDER BY d.created_at DESC LIMIT 1")) {
            find.setString(1, developer.developerId);
            try (ResultSet row = find.executeQuery()) {
                SetUp.require(row.next(), "the benchmark developer has no webhook delivery to copy");
                endpoint = row.getString(1);
            }
        }
        progress("seeding %,d webhook deliveries...".formatted(backlog));
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO webhook_delivery (id, webhook_id, event_id, event, pause_id, data, status, attempts,
                    next_attempt_at, created_at)
                SELECT 'wdl_' || gen_random_uuid(), d.webhook_id, ? || n, d.event, d.pause_id, d.data, 'pending', 0,
                       now(), now()
                FROM (SELECT * FROM webhook_delivery WHERE webhook_id = ? ORDER BY created_at DESC LIMIT 1) AS d,
                     generate_series(1, ?::bigint) AS n""")) {
            insert.setString(1, marker);
            insert.setString(2, endpoint);
            insert.setLong(3, backlog);
            SetUp.require(insert.executeUpdate() == backlog, "the backlog was not seeded");
        }
        try (PreparedStatement analyze = db.prepareStatement("ANALYZE webhook_delivery")) {
            analyze.execute();
        }
        return endpoint;
    }

    /** Pending, delivered and failed deliveries of the backlog, and the attempts made on it. */
    private long[] counts(String endpoint, String marker) throws SQLException {
        try (Connection db = stack.connect(Service.DELIVERY); PreparedStatement count = db.prepareStatement(
                "SELECT count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'delivered'), "
                        + "count(*) FILTER (WHERE status = 'failed'), coalesce(sum(attempts), 0) FROM webhook_delivery "
                        + "WHERE webhook_id = ? AND event_id LIKE ?")) {
            count.setString(1, endpoint);
            count.setString(2, marker + "%");
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)};
            }
        }
    }
}
