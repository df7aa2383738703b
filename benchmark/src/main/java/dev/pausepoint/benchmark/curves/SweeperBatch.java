package dev.pausepoint.benchmark.curves;

import dev.pausepoint.benchmark.SetUp;
import dev.pausepoint.localstack.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The timeout sweeper's lateness when a batch of pauses expires in the same second: each batch is seeded as
 * pending pauses of a developer of its own, its expiry set to one whole second just ahead, and the pending
 * ones counted every 200 ms through the sweeper's own index. Measured to the transition in the database (not
 * to a webhook, as the timeout-lateness phase does for 300), so the figure is the sweeper's alone.
 */
final class SweeperBatch extends CostCurve {

    static final String NAME = "sweeper-batch";
    private static final Duration SAMPLE = Duration.ofMillis(200);

    SweeperBatch(Bench bench) {
        super(NAME, bench);
    }

    @Override
    Curve measure() throws Exception {
        Series p50 = Series.of("lateness p50", "s", "%.2f");
        Series p99 = Series.of("lateness p99", "s", "%.2f");
        Series all = Series.of("until the last moved", "s", "%.2f");
        List<String> notes = new ArrayList<>();
        for (long batch : sizes.expiring()) {
            Progress progress = expireTogether(batch, notes);
            p50 = p50.with(batch, progress.percentile(50));
            p99 = p99.with(batch, progress.percentile(99));
            all = all.with(batch, progress.percentile(100));
            sleep(Duration.ofSeconds(5));
        }
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(Shape.linear(all, 1.5));
        verdicts.add(Shape.linear(p99, 1.5));
        if (sizes.expiring().contains(10_000L)) {
            verdicts.add(Shape.atMost(p99, 10_000, 2, "with 10,000 expiring"));
        }
        notes.add("Lateness is from the common expires_at to the pause's move out of pending, read from the count "
                + "of the batch still pending every %d ms (so each figure is late by at most that)."
                .formatted(SAMPLE.toMillis()));
        notes.add("The sweeper runs every pausepoint.pauses.sweep-interval (1 s) and takes sweep-batch-size (500) "
                + "a transaction (docs/operations.md).");
        return new Curve(NAME, "Timeout sweeper lateness with a batch expiring in one second", "pauses expiring",
                "%,.0f", "linear in the batch, p99 under 2 s for 10,000", List.of(p50, p99, all), verdicts, notes);
    }

    private Progress expireTogether(long batch, List<String> notes) throws SQLException {
        String owner = "dev_curve_sweep_" + UUID.randomUUID();
        Progress progress = new Progress(batch);
        try (Connection db = stack.connect(Service.PAUSE)) {
            progress("seeding %,d pauses to expire together...".formatted(batch));
            PauseRows.pending(db, owner, batch, Instant.now().plus(Duration.ofDays(1)));
            PauseRows.analyze(db);
            // Whole seconds, far enough ahead for the update to finish first (about 50,000 rows a second).
            Instant expiry = Instant.now().plusMillis(2_000 + batch / 25).truncatedTo(ChronoUnit.SECONDS)
                    .plusSeconds(1);
            try (PreparedStatement move = db.prepareStatement(
                    "UPDATE pause SET expires_at = ? WHERE developer_id = ? AND status = 'pending'")) {
                move.setTimestamp(1, Timestamp.from(expiry));
                move.setString(2, owner);
                SetUp.require(move.executeUpdate() == batch, "the batch's expiry was not set");
            }
            SetUp.require(Instant.now().isBefore(expiry), "setting the expiry took past it");
            long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(60, batch / 100)).toNanos();
            try (PreparedStatement pending = db.prepareStatement(
                    "SELECT count(*) FROM pause WHERE status = 'pending' AND expires_at = ?")) {
                pending.setTimestamp(1, Timestamp.from(expiry));
                while (!progress.complete() && System.nanoTime() < deadline) {
                    try (ResultSet row = pending.executeQuery()) {
                        row.next();
                        double late = Duration.between(expiry, Instant.now()).toNanos() / 1e9;
                        if (late >= 0) {
                            progress.record(late, batch - row.getLong(1));
                        }
                    }
                    sleep(SAMPLE);
                }
            }
        }
        if (!progress.complete()) {
            notes.add("%,d expiring: only %,d had moved when the wait ended".formatted(batch, progress.done()));
        }
        return progress;
    }
}
