package dev.pausepoint.kit;

import static org.awaitility.Awaitility.await;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventJson;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a contract topic from its start, as a fresh consumer group, for tests that await an event. */
public final class EventReader {

    private EventReader() {
    }

    /**
     * The events on {@code topic} that match {@code wanted}, in topic order, read until {@code done}
     * holds for them (at most 60 s).
     */
    public static List<Event> read(String topic, Predicate<Event> wanted, Predicate<List<Event>> done) {
        return records(topic, wanted, done).stream().map(Read::event).toList();
    }

    /** The first record on {@code topic} whose event matches {@code wanted}, headers and all. */
    public static ConsumerRecord<String, String> firstRecord(String topic, Predicate<Event> wanted) {
        return records(topic, wanted, events -> !events.isEmpty()).get(0).record();
    }

    private record Read(ConsumerRecord<String, String> record, Event event) {
    }

    private static List<Read> records(String topic, Predicate<Event> wanted, Predicate<List<Event>> done) {
        List<Read> seen = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(),
                "group.id", "test-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class, "value.deserializer", StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Event event;
                    try {
                        event = EventJson.read(record.value());
                    } catch (RuntimeException notAnEvent) {
                        continue; // topics may hold poison records, which is what dead-letter tests put there
                    }
                    if (wanted.test(event)) {
                        seen.add(new Read(record, event));
                        events.add(event);
                    }
                }
                return done.test(events);
            });
        }
        return seen;
    }

    /**
     * Every event on {@code topic} matching {@code wanted} that was published before this call: a fence
     * record goes to each partition, and reading stops when all fences are seen. This turns "no second
     * event" into something a test can check, since order holds within a partition.
     */
    public static List<Event> readFenced(String topic, Predicate<Event> wanted) {
        String fence = "evt_fence-" + UUID.randomUUID();
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        int partitions;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap,
                "key.serializer", StringSerializer.class, "value.serializer", StringSerializer.class))) {
            for (int partition = 0; partition < partitions; partition++) {
                Event marker = new PauseCancelled(fence + "-" + partition, Instant.now(), 1, "psr_fence", "dev_fence",
                        false, Instant.now(), null, null);
                producer.send(new ProducerRecord<>(topic, partition, "fence", EventJson.writeString(marker))).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot write fences to " + topic, e);
        }
        int fences = partitions;
        return read(topic, event -> wanted.test(event) || event.eventId().startsWith(fence),
                events -> events.stream().filter(event -> event.eventId().startsWith(fence)).count() == fences)
                .stream().filter(event -> !event.eventId().startsWith(fence)).toList();
    }

    /** The first event on {@code topic} that matches {@code wanted}. */
    public static <T extends Event> T first(String topic, Class<T> type, Predicate<T> wanted) {
        return type.cast(read(topic, event -> type.isInstance(event) && wanted.test(type.cast(event)),
                events -> !events.isEmpty()).get(0));
    }
}
