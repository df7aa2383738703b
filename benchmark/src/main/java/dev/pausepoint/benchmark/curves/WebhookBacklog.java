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
 * Backlogs of webhook deliveries of growing size, as an outage of the developer's receiver leaves them: for
 * each size the deliveries are seeded as due in delivery-service's table (copies of a real one of the
 * benchmark developer's endpoint), the receiver answers 500 for a while, then 200, and the drain is
 * watched every second for at most a minute: how many were delivered (the rate in the first 10 s and over
 * the whole window) and delivery-service's memory. What is left is then given up in the database, so the
 * next size starts alone. The rate should not depend on the size of the backlog, nor the memory.
 */
final class WebhookBacklog extends CostCurve {

    static final String NAME = "webhook-backlog";
    /** How long the receiver is down; the run's retry delays (2 s) bring the failed ones back within it. */
    static final Duration DOWN = Duration.ofSeconds(10);
    /** How long each backlog is watched draining after the receiver came up. */
    static final Duration WATCH = Duration.ofSeconds(60);
    /** The rate at the start of the drain is taken over this many seconds. */
    static final int FIRST_SECONDS = 10;

    private final String webhookPath;

    WebhookBacklog(Bench bench) {
        super(NAME, bench);
        this.webhookPath = URI.create(bench.webhookUrl()).getPath();
    }

    @Override
    Curve measure() throws Exception {
        Series first = Series.of("delivered per second, first %d s".formatted(FIRST_SECONDS), "/s", "%.0f");
        Series whole = Series.of("delivered per second, until drained (%d s at most)".formatted(WATCH.toSeconds()), "/s",
                "%.0f");
        Series rss = Series.of("delivery-service RSS, highest", "MiB", "%.0f");
        Series heap = Series.of("delivery-service heap in use, highest", "MiB", "%.0f");
        List<String> notes = new ArrayList<>();
        for (long backlog : sizes.deliveries()) {
            String marker = "evt_backlog_" + UUID.randomUUID().toString().substring(0, 8) + "_";
            String endpoint;
            try (Connection db = stack.connect(Service.DELIVERY)) {
                endpoint = seed(db, backlog, marker);
            }
            stack.outside().stubFor(post(urlEqualTo(webhookPath)).atPriority(1).willReturn(aResponse().withStatus(500)));
            double highestRss = Metrics.rssMiB(stack, Service.DELIVERY);
            double highestHeap = Metrics.heapMiB(stack, Service.DELIVERY);
            long[] counts = counts(endpoint, marker);
            long attemptsWhileDown = 0;
            long start = System.nanoTime();
            long deliveredAtFirst = -1;
            long second = 0;
            for (; second < DOWN.toSeconds() + WATCH.toSeconds() && counts[0] > 0; second++) {
                if (second == DOWN.toSeconds()) {
                    attemptsWhileDown = counts[3];
                    stack.outside().stubFor(post(urlEqualTo(webhookPath)).atPriority(1)
                            .willReturn(aResponse().withStatus(200)));
                    progress("webhook receiver up, %,d deliveries pending".formatted(counts[0]));
                }
                sleep(Duration.ofNanos(Math.max(0, start + (second + 1) * 1_000_000_000L - System.nanoTime())));
                counts = counts(endpoint, marker);
                highestRss = Math.max(highestRss, Metrics.rssMiB(stack, Service.DELIVERY));
                highestHeap = Math.max(highestHeap, Metrics.heapMiB(stack, Service.DELIVERY));
                if (second + 1 == DOWN.toSeconds() + FIRST_SECONDS) {
                    deliveredAtFirst = counts[1];
                }
            }
            double watched = Math.max(1, second - DOWN.toSeconds());
            // A backlog gone within the first seconds counts at the rate it went at.
            first = first.with(backlog, deliveredAtFirst >= 0 ? deliveredAtFirst / (double) FIRST_SECONDS
                    : counts[1] / watched);
            whole = whole.with(backlog, counts[1] / watched);
            rss = rss.with(backlog, highestRss);
            heap = heap.with(backlog, highestHeap);
            notes.add(("%,d: %,d attempts while the receiver was down; %,d delivered in %.0f s after it came up, "
                    + "%,d still pending%s, %,d failed for good").formatted(backlog, attemptsWhileDown, counts[1], watched,
                    counts[0], counts[0] > 0 ? " (at that rate about %.0f minutes more)".formatted(
                            counts[0] / Math.max(0.01, counts[1] / watched) / 60) : "", counts[2]));
            giveUp(endpoint, marker);
        }
        notes.add(("For each size the receiver answered 500 for %d s, then 200; a delivery whose post failed is "
                + "tried again 2 s later (this run's retry delays). What was still pending after %d s was then "
                + "marked failed in the database so the next size drained alone.").formatted(DOWN.toSeconds(),
                WATCH.toSeconds()));
        List<Verdict> verdicts = new ArrayList<>();
        if (whole.points().size() >= 2) {
            verdicts.add(Shape.flat(first, 1.5, 0));
            verdicts.add(Shape.flat(whole, 1.5, 0));
            verdicts.add(Shape.flat(rss, 1.25, 32));
        }
        return new Curve(NAME, "Webhook backlog: drain rate and memory", "deliveries in the backlog", "%,.0f",
                "drained at a steady rate with flat memory, whatever the backlog's size", List.of(first, whole, rss, heap),
                verdicts, notes);
    }

    /** Marks what is left of a backlog failed, as deleting its endpoint would. */
    private void giveUp(String endpoint, String marker) throws SQLException {
        try (Connection db = stack.connect(Service.DELIVERY); PreparedStatement giveUp = db.prepareStatement(
                "UPDATE webhook_delivery SET status = 'failed', next_attempt_at = NULL "
                        + "WHERE webhook_id = ? AND event_id LIKE ? AND status = 'pending'")) {
            giveUp.setString(1, endpoint);
            giveUp.setString(2, marker + "%");
            giveUp.executeUpdate();
        }
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
