package dev.pausepoint.kit.outbox;

import dev.pausepoint.kit.lifecycle.BackgroundLoop;
import dev.pausepoint.kit.lifecycle.Wakeup;
import dev.pausepoint.kit.tracing.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Moves committed outbox rows to Kafka. One thread per service instance, woken on every commit (so
 * events leave within milliseconds) and otherwise every {@code pollInterval} (rows from before a
 * restart, or committed by another instance).
 *
 * <p>Across all instances of a service one relay publishes: the one whose dedicated connection (outside
 * the pool) holds a session-level advisory lock. The others keep their connection, tell the publisher
 * (NOTIFY) when they commit rows, and try the lock every {@code pollInterval}, so when the publisher stops,
 * crashes or loses its connection (Postgres ends the session and with it the lock), another takes over
 * within about that interval. Rows leave in id order,
 * so events about one aggregate keep their order. Holding the lock for the session rather than taking
 * {@code pg_try_advisory_xact_lock} in a transaction per batch saves every batch a transaction and a round
 * trip (docs/benchmark.md, "Where the CPU goes"): a batch is one query, the sends, and one delete.
 *
 * <p>The rows are deleted only after Kafka acknowledged every record of the batch; if the broker is down
 * they stay, the relay drops its connection (another instance may publish) and retries with backoff. A
 * retry may publish a record twice; consumers are idempotent by {@code event_id}. The server is asked to
 * probe the connection with TCP keepalives, so the lock of a publisher whose host vanished without closing
 * its socket is released within about half a minute rather than the operating system's two hours.
 */
public class OutboxRelay extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Any constant works: each service has its own database. */
    private static final long LOCK_KEY = 0x5050_4f75_7462_6f78L;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** Where a standby instance tells the publisher it committed rows. */
    private static final String CHANNEL = "outbox_relay";
    /** How often a waiting publisher looks for such a notice; the most it adds to their events' latency. */
    private static final Duration NOTICE_CHECK = Duration.ofMillis(50);
    /** How long a batch waits for more commits while events are flowing (as Kafka's producer lingers 5 ms). */
    private static final Duration LINGER = Duration.ofMillis(10);
    /** The relay's connection shows under this name in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "outbox-relay";

    /** A new connection of the relay's own, outside the pool. */
    @FunctionalInterface
    public interface Connections {

        Connection open() throws SQLException;
    }

    private record Row(long id, String topic, String key, String payload, TraceContext trace) {
    }

    private final Connections connections;
    /** A producer per start: a Lifecycle may be stopped and started again (Spring pauses idle contexts). */
    private final Supplier<Producer<String, String>> producers;
    private volatile Producer<String, String> producer;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final Wakeup wakeup = new Wakeup();
    private final Counter published;
    private final Counter failures;
    /** The loop thread's alone: its connection, and whether that session holds the lock. */
    private Connection connection;
    private JdbcClient jdbc;
    private boolean publisher;
    private volatile boolean publishing;

    public OutboxRelay(Connections connections, Supplier<Producer<String, String>> producers, int batchSize,
            Duration pollInterval, Duration sendTimeout, MeterRegistry meters) {
        super("outbox-relay", sendTimeout);
        this.connections = connections;
        this.producers = producers;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.sendTimeout = sendTimeout;
        this.published = meters.counter("pausepoint.outbox.published");
        this.failures = meters.counter("pausepoint.outbox.failures");
    }

    /** Asks the relay to look now; cheap, and safe to call from any thread. */
    public void wake() {
        wakeup.signal();
    }

    /** Whether this instance's relay holds the lock, so it is the one publishing (for tests and health). */
    public boolean publishing() {
        return publishing;
    }

    @Override
    protected void loop() {
        Duration backoff = Duration.ZERO;
        try {
            while (running()) {
                try {
                    int sent = publishBatch();
                    backoff = Duration.ZERO;
                    if (sent == batchSize) {
                        continue;
                    }
                    if (sent < 0) {
                        standBy();
                    } else {
                        awaitWork(sent > 0);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    failures.increment();
                    disconnect();
                    backoff = backoff.isZero() ? Duration.ofMillis(100) : min(backoff.multipliedBy(2), MAX_BACKOFF);
                    log.warn("Outbox relay could not publish, retrying in {} ms: {}", backoff.toMillis(), e.toString());
                    try {
                        Thread.sleep(backoff.toMillis());
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        } finally {
            disconnect();
        }
    }

    /** The number of rows published, or -1 when another instance is the publisher. */
    int publishBatch() {
        if (!holdLock()) {
            return -1;
        }
        List<Row> rows = jdbc.sql("SELECT id, topic, record_key, payload, traceparent FROM outbox_event ORDER BY id LIMIT ?")
                .param(batchSize)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        TraceContext.parse(rs.getString(5))))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
            producer.send(record(row), (metadata, error) -> {
                if (error != null) {
                    ack.completeExceptionally(error);
                } else {
                    ack.complete(metadata);
                }
            });
            acks.add(ack);
        }
        producer.flush();
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .orTimeout(sendTimeout.toMillis(), TimeUnit.MILLISECONDS).join();
        jdbc.sql("DELETE FROM outbox_event WHERE id = ANY(?)")
                .param(rows.stream().map(Row::id).toArray(Long[]::new))
                .update();
        published.increment(rows.size());
        return rows.size();
    }

    /**
     * The publisher waits for a commit here, a notice from another instance that committed rows, or the
     * poll interval. The notices are read without blocking between short waits: reading them costs no
     * round trip, only a look at what the socket has received (the driver asks the kernel how many bytes
     * wait), so a single instance pays next to nothing for them.
     */
    private void awaitWork(boolean flowing) throws InterruptedException {
        long deadline = System.nanoTime() + pollInterval.toNanos();
        PGConnection notices = unwrap(connection);
        while (running()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            if (wakeup.await(min(Duration.ofNanos(left), NOTICE_CHECK))) {
                linger(flowing);
                return;
            }
            try {
                if (notices.getNotifications().length > 0) {
                    linger(flowing);
                    return;
                }
            } catch (SQLException e) {
                throw new CannotGetJdbcConnectionException("outbox relay lost its connection", e);
            }
        }
    }

    /**
     * While events are flowing, the commits of the next few milliseconds join this one's batch: one query,
     * one produce request and one delete for several events instead of each. Without it the relay took
     * one row per wake-up once it had a connection of its own (before, it waited for a pooled one under
     * load, and rows piled up meanwhile). An event after a quiet spell leaves at once.
     */
    private static void linger(boolean flowing) throws InterruptedException {
        if (flowing) {
            Thread.sleep(LINGER.toMillis());
        }
    }

    /**
     * Another instance publishes: rows committed here are announced to it (one NOTIFY, as cheap as the
     * lock attempt each commit used to cost), and the lock is tried again once per poll interval.
     */
    private void standBy() throws InterruptedException {
        long deadline = System.nanoTime() + pollInterval.toNanos();
        while (running()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            if (wakeup.await(Duration.ofNanos(left))) {
                jdbc.sql("NOTIFY " + CHANNEL).update();
            }
        }
    }

    private static PGConnection unwrap(Connection connection) {
        try {
            return connection.unwrap(PGConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException("the outbox relay needs a PostgreSQL connection", e);
        }
    }

    /** Whether this relay's session holds the lock, connecting and trying for it when it does not. */
    private boolean holdLock() {
        if (publisher) {
            return true;
        }
        try {
            if (connection == null) {
                connection = connections.open();
                connection.setAutoCommit(true);
                jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                // Settable per session: the server notices a vanished publisher and ends its session (and lock).
                jdbc.sql("SET tcp_keepalives_idle = 10").update();
                jdbc.sql("SET tcp_keepalives_interval = 5").update();
                jdbc.sql("SET tcp_keepalives_count = 3").update();
            }
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("outbox relay cannot connect", e);
        }
        publisher = jdbc.sql("SELECT pg_try_advisory_lock(?)").param(LOCK_KEY).query(Boolean.class).single();
        if (publisher) {
            jdbc.sql("LISTEN " + CHANNEL).update();
        }
        publishing = publisher;
        return publisher;
    }

    /** Closing the session releases the lock, so another instance can take over at once. */
    private void disconnect() {
        publisher = false;
        publishing = false;
        jdbc = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Outbox relay connection did not close cleanly: {}", e.toString());
            }
            connection = null;
        }
    }

    /** The row's event, carrying the trace of the change that wrote it. */
    private static ProducerRecord<String, String> record(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        if (row.trace() != null) {
            row.trace().addTo(record.headers());
        }
        return record;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    protected void beforeStart() {
        producer = producers.get();
    }

    @Override
    protected void afterStop() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    @Override
    public int getPhase() {
        // Stops before the web server and the connection pool go away, starts after them.
        return Integer.MAX_VALUE - 1000;
    }
}
