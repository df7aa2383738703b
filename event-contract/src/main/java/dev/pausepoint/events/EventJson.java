package dev.pausepoint.events;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON form of events, used by producers, consumers, the outbox and the fixtures alike:
 * {@code snake_case}, timestamps as ISO-8601 UTC whole seconds, unknown fields ignored so that an
 * added field does not break an older reader. Numbers in a developer's metadata are read as written
 * ({@code BigDecimal}, not a double), so an event carries 0.1000000000000000055511151231257827 and 1e400
 * as sent.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .addModule(new SimpleModule("whole-second-instants").addSerializer(Instant.class, new WholeSeconds()))
            .build();

    private EventJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Event event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static String writeString(Event event) {
        return MAPPER.writeValueAsString(event);
    }

    public static Event read(byte[] json) {
        return MAPPER.readValue(json, Event.class);
    }

    public static Event read(String json) {
        return MAPPER.readValue(json, Event.class);
    }

    private static final class WholeSeconds extends ValueSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(DateTimeFormatter.ISO_INSTANT.format(value.truncatedTo(ChronoUnit.SECONDS)));
        }
    }
}
