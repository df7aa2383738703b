package dev.pausepoint.benchmark.curves;

import dev.pausepoint.benchmark.Stack;
import dev.pausepoint.localstack.Service;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When pause-service's outbox relay took the first and the last of a batch of events committed at once: the
 * relay deletes a row once Kafka acknowledged it, so the table's count, looked at every 20 ms, falls from the
 * committed rows to none. Each moment is late by at most that interval and the count's own time.
 */
final class OutboxDrain {

    private final long committedNanos;
    private final long committedRows;
    private final AtomicLong firstGone = new AtomicLong(-1);
    private final AtomicLong allGone = new AtomicLong(-1);
    private final Thread watcher;
    private volatile boolean running = true;

    private OutboxDrain(Stack stack, long committedNanos, long committedRows) {
        this.committedNanos = committedNanos;
        this.committedRows = committedRows;
        this.watcher = new Thread(() -> watch(stack), "outbox-drain");
        this.watcher.setDaemon(true);
    }

    /** Starts looking at pause-service's outbox, into which {@code rows} were committed at {@code committedNanos}. */
    static OutboxDrain watch(Stack stack, long committedNanos, long rows) {
        OutboxDrain drain = new OutboxDrain(stack, committedNanos, rows);
        drain.watcher.start();
        return drain;
    }

    private void watch(Stack stack) {
        try (Connection db = stack.connect(Service.PAUSE); Statement count = db.createStatement()) {
            while (running) {
                long rows;
                try (ResultSet result = count.executeQuery("SELECT count(*) FROM outbox_event")) {
                    result.next();
                    rows = result.getLong(1);
                }
                long now = System.nanoTime();
                if (rows < committedRows) {
                    firstGone.compareAndSet(-1, now);
                }
                if (rows == 0) {
                    allGone.set(now);
                    return;
                }
                Thread.sleep(20);
            }
        } catch (SQLException | InterruptedException e) {
            // The timeline then says it has no outbox figures.
        }
    }

    void stop() throws InterruptedException {
        running = false;
        watcher.join(2000);
    }

    String describe() {
        long first = firstGone.get();
        long all = allGone.get();
        if (all < 0) {
            return "the outbox was not seen empty";
        }
        return "the relay's first rows gone %.2f s, the outbox empty %.2f s".formatted((first - committedNanos) / 1e9,
                (all - committedNanos) / 1e9);
    }
}
