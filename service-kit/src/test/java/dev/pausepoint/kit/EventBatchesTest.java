package dev.pausepoint.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventMother;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.kit.kafka.EventBatches;
import dev.pausepoint.kit.outbox.ProcessedEvents;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.spring.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/** Batches on real Postgres, with the ledger as the handler's write; same context as the outbox test. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "pausepoint.internal-secret=" + TestSecrets.INTERNAL_SECRET)
@RealInfrastructure
@KitTestProperties
class EventBatchesTest {

    private static final String CONSUMER = "event-batches-test";

    @Autowired
    EventBatches batches;

    @Autowired
    ProcessedEvents processed;

    @Autowired
    JdbcClient jdbc;

    private static ConsumerRecord<String, Event> record(long offset, Event event) {
        return new ConsumerRecord<>("pause.events.v1", 0, offset, "key", event);
    }

    private static List<ConsumerRecord<String, Event>> records(int count) {
        List<ConsumerRecord<String, Event>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(record(i, new PauseCancelled("evt_" + UUID.randomUUID(), Instant.now(), 1, "psr_" + i,
                    EventMother.DEVELOPER, true, Instant.now(), null, "127.0.0.1")));
        }
        return records;
    }

    private boolean recorded(ConsumerRecord<String, Event> record) {
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?")
                .params(CONSUMER, record.value().eventId()).query(Long.class).single() == 1;
    }

    private Consumer<Event> recordEach() {
        return event -> processed.firstDelivery(CONSUMER, event.eventId());
    }

    @Test
    void aWholeBatchIsAppliedInOneTransaction() {
        List<ConsumerRecord<String, Event>> records = records(5);
        List<Long> transactions = new ArrayList<>();
        batches.apply(records, event -> {
            transactions.add(jdbc.sql("SELECT txid_current()").query(Long.class).single());
            processed.firstDelivery(CONSUMER, event.eventId());
        });
        assertThat(records).allMatch(this::recorded);
        assertThat(transactions).hasSize(5).containsOnly(transactions.get(0));
    }

    @Test
    void aFailingRecordIsNamedAndTheRecordsBeforeItStayApplied() {
        List<ConsumerRecord<String, Event>> records = records(5);
        String failing = records.get(3).value().eventId();
        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> batches.apply(records, event -> {
                    processed.firstDelivery(CONSUMER, event.eventId());
                    if (event.eventId().equals(failing)) {
                        throw new IllegalStateException("cannot apply this one");
                    }
                }));
        assertThat(failure.getIndex()).isEqualTo(3);
        assertThat(failure.getCause()).hasMessage("cannot apply this one");
        assertThat(records.subList(0, 3)).allMatch(this::recorded);
        assertThat(records.subList(3, 5)).noneMatch(this::recorded);
    }

    @Test
    void anUnreadableRecordEndsTheBatchAfterTheOnesBeforeItAreApplied() {
        List<ConsumerRecord<String, Event>> records = new ArrayList<>(records(4));
        // As the ErrorHandlingDeserializer leaves a record it could not read: no value, the failure in a header.
        ConsumerRecord<String, Event> poison = record(2, null);
        SerializationUtils.deserializationException(poison.headers(),
                "{\"not\": \"an event\"}".getBytes(StandardCharsets.UTF_8), new IllegalArgumentException("no event_type"),
                false);
        records.set(2, poison);
        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> batches.apply(records, recordEach()));
        assertThat(failure.getIndex()).isEqualTo(2);
        assertThat(failure.getCause()).isInstanceOf(DeserializationException.class);
        assertThat(records.subList(0, 2)).allMatch(this::recorded);
        assertThat(recorded(records.get(3))).isFalse();
    }

    @Test
    void eventsTheListenerDoesNotActOnNeverReachItAndAFailureStillNamesItsPlaceInThePoll() {
        List<ConsumerRecord<String, Event>> records = records(5);
        String failing = records.get(3).value().eventId();
        java.util.Set<String> mine = java.util.Set.of(records.get(1).value().eventId(), failing);
        List<String> applied = new ArrayList<>();
        batches.apply(records.subList(0, 1), event -> false, event -> applied.add(event.eventId()));
        assertThat(applied).as("a batch of nothing relevant").isEmpty();

        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> batches.apply(records, event -> mine.contains(event.eventId()), event -> {
                    applied.add(event.eventId());
                    processed.firstDelivery(CONSUMER, event.eventId());
                    if (event.eventId().equals(failing)) {
                        throw new IllegalStateException("cannot apply this one");
                    }
                }));

        assertThat(failure.getIndex()).as("its index in the poll, not among the relevant ones").isEqualTo(3);
        assertThat(recorded(records.get(1))).isTrue();
        assertThat(recorded(records.get(3))).isFalse();
        assertThat(applied).as("only the relevant ones reach the handler")
                .allMatch(mine::contains);
    }

    /** Records the events it is given at its finish only, as a writer that writes a transaction's events together. */
    private final class HoldingWriter implements EventBatches.BatchWriter {

        private final List<Event> held = new ArrayList<>();
        private final List<List<String>> finished;
        private final String failingAtFinish;

        HoldingWriter(List<List<String>> finished, String failingAtFinish) {
            this.finished = finished;
            this.failingAtFinish = failingAtFinish;
        }

        @Override
        public void add(Event event) {
            held.add(event);
        }

        @Override
        public void finish() {
            finished.add(held.stream().map(Event::eventId).toList());
            held.forEach(event -> processed.firstDelivery(CONSUMER, event.eventId()));
            if (held.stream().anyMatch(event -> event.eventId().equals(failingAtFinish))) {
                throw new IllegalStateException("cannot write this one");
            }
        }
    }

    @Test
    void aWriterIsFinishedOnceWithEveryEventOfItsTransactionBeforeTheCommit() {
        List<ConsumerRecord<String, Event>> records = records(4);
        List<List<String>> finished = new ArrayList<>();
        batches.apply(records, event -> true, () -> new HoldingWriter(finished, null));
        assertThat(finished).containsExactly(records.stream().map(record -> record.value().eventId()).toList());
        assertThat(records).allMatch(this::recorded);
    }

    @Test
    void aWriterThatFailsAtItsFinishLeavesTheRecordsToFreshWritersOneByOne() {
        List<ConsumerRecord<String, Event>> records = records(4);
        String failing = records.get(2).value().eventId();
        List<List<String>> finished = new ArrayList<>();
        BatchListenerFailedException failure = catchThrowableOfType(BatchListenerFailedException.class,
                () -> batches.apply(records, event -> true, () -> new HoldingWriter(finished, failing)));
        List<String> ids = records.stream().map(record -> record.value().eventId()).toList();
        assertThat(finished).as("the batch's writer, then one fresh writer per record up to the failing one")
                .containsExactly(ids, List.of(ids.get(0)), List.of(ids.get(1)), List.of(ids.get(2)));
        assertThat(failure.getIndex()).isEqualTo(2);
        assertThat(records.subList(0, 2)).allMatch(this::recorded);
        assertThat(records.subList(2, 4)).as("the failed batch and the failing record rolled back").noneMatch(this::recorded);
    }
}
