package dev.pausepoint.benchmark.curves;

import dev.pausepoint.benchmark.Load;
import dev.pausepoint.benchmark.SetUp;
import dev.pausepoint.localstack.Service;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Creates, polls and lists with 0, 1 million and 5 million pauses already stored (seeded by SQL, a history
 * of many developers; the benchmark's developer owns a tenth). At each size: the create rate with 64 in
 * flight and its p99, the create p99 at a steady 200/s, and the p99 of polls of random stored pauses and of
 * list pages. All should stay flat: every query goes through an index.
 */
final class StoredPauses extends CostCurve {

    static final String NAME = "stored-pauses";

    StoredPauses(Bench bench) {
        super(NAME, bench);
    }

    @Override
    Curve measure() throws Exception {
        Series rate = Series.of("creates/s, 64 in flight", "/s", "%.0f");
        Series closedP99 = Series.of("create p99, 64 in flight", "ms", "%.0f");
        Series steadyP99 = Series.of("create p99 at 200/s", "ms", "%.1f");
        Series pollP99 = Series.of("poll p99 at 200/s", "ms", "%.1f");
        Series listP99 = Series.of("list p99 at 100/s", "ms", "%.1f");
        Series filteredP99 = Series.of("list ?status=cancelled p99 at 100/s", "ms", "%.1f");
        List<String> notes = new ArrayList<>();
        long seeded = 0;
        URI gateway = stack.gateway();
        warmUp(gateway);
        for (long size : sizes.stored()) {
            if (size > seeded) {
                try (Connection db = stack.connect(Service.PAUSE)) {
                    progress("seeding %,d pauses (%,d stored so far)...".formatted(size - seeded, PauseRows.count(db)));
                    long start = System.nanoTime();
                    PauseRows.history(db, developer.developerId, seeded, size - seeded);
                    notes.add("%,d pauses seeded (and vacuumed) in %.0f s; the table then held %,d rows".formatted(
                            size - seeded, (System.nanoTime() - start) / 1e9, PauseRows.count(db)));
                }
                seeded = size;
            } else {
                try (Connection db = stack.connect(Service.PAUSE)) {
                    notes.add("before any seeding the table held %,d rows: the warm-up's and the other curves'"
                            .formatted(PauseRows.count(db)));
                }
            }
            progress("measuring with %,d stored pauses...".formatted(size));
            long before = lastSeq();
            Load.Result closed = load.closed(64, sizes.load(), i -> developer.createRequest(developer.testKey,
                    "+1416" + (2000000 + (i + size) % 7000000), i));
            rate = rate.with(size, closed.perSecond());
            closedP99 = closedP99.with(size, closed.millis(99));
            notes.add("%,d stored: creates with 64 in flight answered %s".formatted(size, closed.outcomes()));
            settle(before);
            before = lastSeq();
            Load.Result steady = load.open(200, sizes.load(), i -> developer.createRequest(developer.testKey,
                    "+1417" + (2000000 + (i + size) % 7000000), i), null);
            steadyP99 = steadyP99.with(size, steady.millis(99));
            settle(before);
            List<String> ids = sample(4_000);
            Load.Result polls = load.open(200, sizes.load(), i -> get(gateway, "/v1/pause/" + ids.get((int) (i % ids.size())),
                    Duration.ofSeconds(30)), null);
            pollP99 = pollP99.with(size, polls.millis(99));
            Load.Result lists = load.open(100, sizes.load(), i -> get(gateway, "/v1/pause?limit=20&offset=" + (i % 5) * 20,
                    Duration.ofSeconds(30)), null);
            listP99 = listP99.with(size, lists.millis(99));
            Load.Result filtered = load.open(100, sizes.load(), i -> get(gateway, "/v1/pause?status=cancelled&limit=20",
                    Duration.ofSeconds(30)), null);
            filteredP99 = filteredP99.with(size, filtered.millis(99));
            SetUp.require(polls.failed() == 0 && lists.failed() == 0 && filtered.failed() == 0,
                    "reads failed: polls %s, lists %s, filtered lists %s".formatted(polls.outcomes(), lists.outcomes(),
                            filtered.outcomes()));
        }
        List<Series> series = List.of(rate, closedP99, steadyP99, pollP99, listP99, filteredP99);
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(Shape.flat(rate, 1.25, 0));
        for (Series latency : series.subList(1, series.size())) {
            verdicts.add(Shape.flat(latency, 1.5, 5));
        }
        notes.add("Polls read random stored pauses of the benchmark's developer (test mode), found by sampling the "
                + "table, so at 5 M most are not in Postgres's buffers; lists read the first five pages, newest first.");
        notes.add("Flat allows ×1.25 for the create rate and ×1.5 + 5 ms for a p99: a 2-core machine running the "
                + "load generator beside the stack varies that much between runs of the same size.");
        return new Curve(NAME, "Create, poll and list with pauses stored", "pauses stored", "%,.0f",
                "flat: create throughput and p99, list and poll p99 the same with 0, 1 M and 5 M pauses stored",
                series, verdicts, notes);
    }

    /**
     * Every request measured here, once, before the first size: pause-service may have just been restarted
     * (the long-poll curve restarts it when it runs out of heap), and its first seconds would otherwise
     * count class loading and compilation against the smallest size.
     */
    private void warmUp(URI gateway) throws SQLException {
        progress("warming up creates, polls and lists...");
        load.closed(16, sizes.load(), i -> developer.createRequest(developer.testKey, "+1419" + (2000000 + i), i));
        List<String> ids = sample(1_000);
        load.open(200, sizes.load(), i -> get(gateway, "/v1/pause/" + ids.get((int) (i % ids.size())),
                Duration.ofSeconds(30)), null);
        load.open(100, sizes.load(), i -> get(gateway, i % 2 == 0 ? "/v1/pause?limit=20" : "/v1/pause?status=cancelled&limit=20",
                Duration.ofSeconds(30)), null);
    }

    private long lastSeq() throws SQLException {
        try (Connection db = stack.connect(Service.PAUSE); PreparedStatement query = db.prepareStatement(
                "SELECT coalesce(max(seq), 0) FROM pause WHERE developer_id = ? AND livemode = false")) {
            query.setString(1, developer.developerId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * Until the benchmark developer's pauses created since {@code seq} are no longer queued for delivery, at
     * most five minutes: one measurement's fan-out must not load the next. Reads only those rows (the listing
     * index), never the whole table.
     */
    private void settle(long seq) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (Connection db = stack.connect(Service.PAUSE); PreparedStatement queued = db.prepareStatement(
                "SELECT count(*) FROM pause WHERE developer_id = ? AND livemode = false AND seq > ? "
                        + "AND delivery_status = 'queued'")) {
            queued.setString(1, developer.developerId);
            queued.setLong(2, seq);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = queued.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        return;
                    }
                }
                sleep(Duration.ofMillis(250));
            }
        }
        progress("the fan-out had not caught up after 5 minutes; measuring on");
    }

    /** About {@code count} random test pauses of the benchmark's developer, from a sample of the table's pages. */
    private List<String> sample(int count) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection db = stack.connect(Service.PAUSE)) {
            double rows = Math.max(1, PauseRows.count(db));
            // A twentieth of the rows are the developer's test pauses: sample enough pages for count of them.
            double percent = Math.min(100, 100.0 * count * 25 / rows);
            try (PreparedStatement query = db.prepareStatement("SELECT id FROM pause TABLESAMPLE SYSTEM (?) "
                    + "WHERE developer_id = ? AND livemode = false LIMIT ?")) {
                query.setDouble(1, percent);
                query.setString(2, developer.developerId);
                query.setInt(3, count);
                try (ResultSet found = query.executeQuery()) {
                    while (found.next()) {
                        ids.add(found.getString(1));
                    }
                }
            }
        }
        SetUp.require(!ids.isEmpty(), "no pause of the benchmark's developer to poll");
        Collections.shuffle(ids);
        return ids;
    }
}
