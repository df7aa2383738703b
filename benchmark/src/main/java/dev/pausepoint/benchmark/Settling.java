package dev.pausepoint.benchmark;

import dev.pausepoint.localstack.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Waits until every pause created so far has its delivery recorded (the fan-out through Kafka,
 * delivery-service and back has caught up), so one phase's backlog does not count against the next;
 * how long that takes is reported, as the pipeline's lag behind the API.
 */
final class Settling extends Phase {

    static final String NAME = "settling";

    private final String when;

    /** {@code when} names the phase before, as the note says it ("after the throughput phase"). */
    Settling(Harness harness, String when) {
        super(NAME, harness);
        this.when = when;
    }

    @Override
    void run() throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long queued = awaitCaughtUp(stack, Duration.ofMinutes(10));
        report.note("  the notification pipeline caught up %.1f s %s%s".formatted((System.nanoTime() - start) / 1e9,
                when, queued > 0 ? " (gave up with " + queued + " still queued)" : ""));
    }

    /** Waits at most {@code limit} for no pause to be queued any more; returns how many still are. */
    static long awaitCaughtUp(Stack stack, Duration limit) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long queued;
        try (Connection db = stack.connect(Service.PAUSE);
                PreparedStatement count = db.prepareStatement("SELECT count(*) FROM pause WHERE delivery_status = 'queued'")) {
            do {
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    queued = row.getLong(1);
                }
                if (queued > 0) {
                    Thread.sleep(250);
                }
            } while (queued > 0 && System.nanoTime() - start < limit.toNanos());
        }
        return queued;
    }
}
