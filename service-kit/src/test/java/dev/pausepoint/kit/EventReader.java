package dev.pausepoint.kit;

import static org.awaitility.Awaitility.await;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventJson;
import dev.pausepoint.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
        List<Event> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(),
                "group.id", "test-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class, "value.deserializer", StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Event event = EventJson.read(record.value());
                    if (wanted.test(event)) {
                        seen.add(event);
                    }
                }
                return done.test(seen);
            });
        }
        return seen;
    }

    /** The first event on {@code topic} that matches {@code wanted}. */
    public static <T extends Event> T first(String topic, Class<T> type, Predicate<T> wanted) {
        return type.cast(read(topic, event -> type.isInstance(event) && wanted.test(type.cast(event)),
                events -> !events.isEmpty()).get(0));
    }
}
