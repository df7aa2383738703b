package dev.pausepoint.kit.kafka;

import dev.pausepoint.events.Event;
import dev.pausepoint.kit.tracing.Spans;
import dev.pausepoint.kit.tracing.TraceContext;
import io.micrometer.tracing.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a batch listener's records in one database transaction, so a poll of many events costs one
 * commit instead of one per event. The error handling stays per record, as for a record listener:
 * <ul>
 * <li>when the batch transaction fails, the records are applied again one transaction each; those
 * before the failing one stay committed and the failure names its index, so the error handler retries
 * from that record and finally dead-letters it alone;</li>
 * <li>a record that is not a contract event (its value did not deserialise) ends the batch there: the
 * records before it are applied, and it goes to the dead-letter topic without retries.</li>
 * </ul>
 * Handlers must be idempotent, as for any Kafka consumer: a record applied in a failed batch
 * transaction was rolled back and is applied again.
 *
 * <p>Each record is handled in its own span continuing the trace its {@code traceparent} header carries
 * (the change that published it), so the handler's log lines, rows and outbound events join that trace.
 */
public final class EventBatches {

    private static final LogAccessor LOG = new LogAccessor(EventBatches.class);

    private final TransactionTemplate transactions;
    private final Spans spans;

    public EventBatches(TransactionTemplate transactions, Spans spans) {
        this.transactions = transactions;
        this.spans = spans;
    }

    public void apply(List<ConsumerRecord<String, Event>> records, Consumer<Event> handler) {
        apply(records, event -> true, handler);
    }

    /**
     * As {@link #apply(List, Consumer)}, for a listener that acts on some of a topic's events only: the
     * others are passed over before any transaction or span, and a batch with none of its events costs
     * no transaction at all. A consumer group reads every event of its topics, and most are not its own
     * (delivery-service's webhook listener reads every {@code pause.created} to act on the outcomes).
     */
    public void apply(List<ConsumerRecord<String, Event>> records, Predicate<Event> relevant, Consumer<Event> handler) {
        apply(records, relevant, () -> new BatchWriter() {
            @Override
            public void add(Event event) {
                handler.accept(event);
            }

            @Override
            public void finish() {
                // Every event was written as it came.
            }
        });
    }

    /**
     * As {@link #apply(List, Predicate, Consumer)}, for a listener that writes the events of a transaction
     * together: each transaction (the batch's, or a record's own when the batch is applied again one by one)
     * gets a fresh writer from {@code writers}, which is given its events in order, each in the record's span,
     * then finished before the commit. What a writer holds back until then runs in no record's span.
     */
    public void apply(List<ConsumerRecord<String, Event>> records, Predicate<Event> relevant,
            Supplier<BatchWriter> writers) {
        int unreadable = firstUnreadable(records);
        int readable = unreadable < 0 ? records.size() : unreadable;
        List<Integer> mine = new ArrayList<>(readable);
        for (int i = 0; i < readable; i++) {
            if (relevant.test(records.get(i).value())) {
                mine.add(i);
            }
        }
        if (!mine.isEmpty()) {
            try {
                transactions.executeWithoutResult(status -> {
                    BatchWriter writer = writers.get();
                    mine.forEach(i -> handle(records.get(i), writer));
                    writer.finish();
                });
            } catch (RuntimeException batchFailure) {
                oneByOne(records, mine, writers);
            }
        }
        if (unreadable >= 0) {
            ConsumerRecord<String, Event> record = records.get(unreadable);
            DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            throw new BatchListenerFailedException("not a contract event", cause, unreadable);
        }
    }

    /** Each of {@code mine} (indices into {@code records}) in a transaction of its own; a failure names its index. */
    private void oneByOne(List<ConsumerRecord<String, Event>> records, List<Integer> mine, Supplier<BatchWriter> writers) {
        for (int i : mine) {
            ConsumerRecord<String, Event> record = records.get(i);
            Event event = record.value();
            try {
                transactions.executeWithoutResult(status -> {
                    BatchWriter writer = writers.get();
                    handle(record, writer);
                    writer.finish();
                });
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException("could not apply " + event.eventId(), failure, i);
            }
        }
    }

    private void handle(ConsumerRecord<String, Event> record, BatchWriter writer) {
        Event event = record.value();
        spans.run("process " + record.topic(), Span.Kind.CONSUMER, TraceContext.from(record.headers()),
                Map.of("messaging.system", "kafka", "messaging.destination.name", record.topic(),
                        "event.id", event.eventId()),
                span -> writer.add(event));
    }

    /**
     * Writes the events of one transaction, in order; it may hold writes back and make them together in
     * {@link #finish()}, as long as the outcome is the one writing each event in turn would give.
     */
    public interface BatchWriter {

        /** The next event of the transaction, in its record's span. */
        void add(Event event);

        /** After the transaction's last event, before its commit: makes what was held back. */
        void finish();
    }

    private static int firstUnreadable(List<ConsumerRecord<String, Event>> records) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value() == null) {
                return i;
            }
        }
        return -1;
    }
}
