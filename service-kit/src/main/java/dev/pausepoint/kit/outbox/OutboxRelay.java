package dev.pausepoint.kit.outbox;

import dev.pausepoint.kit.lifecycle.BackgroundLoop;
import dev.pausepoint.kit.lifecycle.Wakeup;
import dev.pausepoint.kit.tracing.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed outbox rows to Kafka. One thread per service instance, woken on every commit (so
 * events leave within milliseconds) and otherwise every {@code pollInterval} (rows from before a
 * restart, or committed by another instance).
 *
 * <p>Each batch runs in one database transaction holding a transaction-scoped advisory lock, so across
 * all instances of a service only one batch is in flight and rows leave in id order: events about one
 * aggregate keep their order. The rows are deleted only after Kafka acknowledged every record of the
 * batch; if the broker is down the transaction rolls back, the rows stay, and the relay retries with
 * backoff until it is back. A retry may publish a record twice; consumers are idempotent by
 * {@code event_id}.
 */
public class OutboxRelay extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Any constant works: each service has its own database. */
    private static final long LOCK_KEY = 0x5050_4f75_7462_6f78L;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private record Row(long id, String topic, String key, String payload, TraceContext trace) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    /** A producer per start: a Lifecycle may be stopped and started again (Spring pauses idle contexts). */
    private final Supplier<Producer<String, String>> producers;
    private volatile Producer<String, String> producer;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final Wakeup wakeup = new Wakeup();
    private final Counter published;
    private final Counter failures;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, Supplier<Producer<String, String>> producers,
            int batchSize, Duration pollInterval, Duration sendTimeout, MeterRegistry meters) {
        super("outbox-relay", sendTimeout);
        this.jdbc = jdbc;
        this.transactions = transactions;
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

    @Override
    protected void loop() {
        Duration backoff = Duration.ZERO;
        while (running()) {
            try {
                int sent = publishBatch();
                backoff = Duration.ZERO;
                if (sent == batchSize) {
                    continue;
                }
                if (sent < 0) {
                    // Another instance holds the lock; it will be done in milliseconds.
                    wakeup.await(Duration.ofMillis(25));
                    continue;
                }
                wakeup.await(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
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
    }

    /** The number of rows published, or -1 when another instance is publishing. */
    int publishBatch() {
        Integer sent = transactions.execute(status -> {
            Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single();
            if (!locked) {
                return -1;
            }
            List<Row> rows = jdbc.sql(
                            "SELECT id, topic, record_key, payload, traceparent FROM outbox_event ORDER BY id LIMIT ?")
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
            return rows.size();
        });
        if (sent != null && sent > 0) {
            published.increment(sent);
        }
        return sent == null ? 0 : sent;
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
