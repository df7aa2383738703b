package dev.pausepoint.benchmark;

import dev.pausepoint.localstack.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * The create transaction done straight over JDBC (a pause row and an outbox row, each in tables shaped
 * exactly like pause-service's) on 8 connections, against which the measured create rate is set.
 */
final class JdbcBaseline extends Phase {

    private static final int CONNECTIONS = 8;

    private final DoubleSupplier createdPerSecond;

    /** {@code createdPerSecond}: the throughput phase's rate, read when this phase runs. */
    JdbcBaseline(Harness harness, DoubleSupplier createdPerSecond) {
        super("JDBC baseline", harness);
        this.createdPerSecond = createdPerSecond;
    }

    @Override
    void run() throws SQLException, InterruptedException {
        System.out.println("JDBC baseline...");
        try (Connection setup = stack.connect(Service.PAUSE)) {
            setup.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_pause (LIKE pause INCLUDING ALL)");
            setup.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_outbox (LIKE outbox_event INCLUDING ALL)");
        }
        Duration duration = options.phase(20);
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong done = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < CONNECTIONS; w++) {
            Thread worker = new Thread(() -> insertUntil(deadline, done));
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double perSecond = done.get() / (duration.toNanos() / 1e9);
        double ratio = createdPerSecond.getAsDouble() / perSecond;
        report.figure("create rate ÷ the same insert + outbox transaction over JDBC (8 connections)", "%.2f", ratio,
                "≥ 0.15", ratio >= 0.15);
        report.note("  JDBC alone: %.0f transactions/s".formatted(perSecond));
    }

    private void insertUntil(long deadline, AtomicLong done) {
        try (Connection db = stack.connect(Service.PAUSE)) {
            db.setAutoCommit(false);
            PreparedStatement pause = db.prepareStatement("""
                    INSERT INTO bench_pause (id, developer_id, livemode, status, channel, recipient, message,
                        options, allow_text_response, timeout_default, metadata, created_at, expires_at)
                    VALUES (?, 'dev_bench', false, 'pending', 'sms', '+14155550123', 'Deploy?',
                        '["Approve","Reject"]'::jsonb, false, 'Reject', NULL, now(), now() + interval '1 day')""");
            PreparedStatement outbox = db.prepareStatement("INSERT INTO bench_outbox (event_id, topic, record_key, "
                    + "payload) VALUES (?, 'pause.events.v1', ?, ?)");
            while (System.nanoTime() < deadline) {
                String id = "psr_" + UUID.randomUUID();
                pause.setString(1, id);
                pause.executeUpdate();
                outbox.setString(1, "evt_" + UUID.randomUUID());
                outbox.setString(2, id);
                outbox.setString(3, Developer.smsPause("+14155550123", 1));
                outbox.executeUpdate();
                db.commit();
                done.incrementAndGet();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
