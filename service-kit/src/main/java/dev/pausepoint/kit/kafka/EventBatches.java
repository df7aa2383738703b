package dev.pausepoint.kit.kafka;

import dev.pausepoint.events.Event;
import dev.pausepoint.kit.tracing.Spans;
import dev.pausepoint.kit.tracing.TraceContext;
import io.micrometer.tracing.Span;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
        int unreadable = firstUnreadable(records);
        List<ConsumerRecord<String, Event>> readable = unreadable < 0 ? records : records.subList(0, unreadable);
        if (!readable.isEmpty()) {
            try {
                transactions.executeWithoutResult(status -> readable.forEach(record -> handle(record, handler)));
            } catch (RuntimeException batchFailure) {
                oneByOne(readable, handler);
            }
        }
        if (unreadable >= 0) {
            ConsumerRecord<String, Event> record = records.get(unreadable);
            DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            throw new BatchListenerFailedException("not a contract event", cause, unreadable);
        }
    }

    private void oneByOne(List<ConsumerRecord<String, Event>> records, Consumer<Event> handler) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, Event> record = records.get(i);
            Event event = record.value();
            try {
                transactions.executeWithoutResult(status -> handle(record, handler));
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException("could not apply " + event.eventId(), failure, i);
            }
        }
    }

    private void handle(ConsumerRecord<String, Event> record, Consumer<Event> handler) {
        Event event = record.value();
        spans.run("process " + record.topic(), Span.Kind.CONSUMER, TraceContext.from(record.headers()),
                Map.of("messaging.system", "kafka", "messaging.destination.name", record.topic(),
                        "event.id", event.eventId()),
                span -> handler.accept(event));
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
