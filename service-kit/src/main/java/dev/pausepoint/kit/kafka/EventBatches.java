package dev.pausepoint.kit.kafka;

import dev.pausepoint.events.Event;
import java.util.List;
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
 */
public final class EventBatches {

    private static final LogAccessor LOG = new LogAccessor(EventBatches.class);

    private final TransactionTemplate transactions;

    public EventBatches(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    public void apply(List<ConsumerRecord<String, Event>> records, Consumer<Event> handler) {
        int unreadable = firstUnreadable(records);
        List<ConsumerRecord<String, Event>> readable = unreadable < 0 ? records : records.subList(0, unreadable);
        if (!readable.isEmpty()) {
            try {
                transactions.executeWithoutResult(status -> readable.forEach(record -> handler.accept(record.value())));
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
            Event event = records.get(i).value();
            try {
                transactions.executeWithoutResult(status -> handler.accept(event));
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException("could not apply " + event.eventId(), failure, i);
            }
        }
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
