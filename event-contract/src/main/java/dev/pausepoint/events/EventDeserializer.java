package dev.pausepoint.events;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JacksonException;

/**
 * Kafka value deserializer for every topic of the contract. A record that is not a known event fails
 * here; wrapped in spring-kafka's {@code ErrorHandlingDeserializer}, it goes to the dead-letter topic
 * instead of blocking its partition.
 */
public class EventDeserializer implements Deserializer<Event> {

    @Override
    public Event deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return EventJson.read(data);
        } catch (JacksonException e) {
            throw new SerializationException("not a PausePoint event on " + topic + ": " + e.getOriginalMessage(), e);
        }
    }
}
