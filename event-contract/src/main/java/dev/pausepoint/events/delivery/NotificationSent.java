package dev.pausepoint.events.delivery;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.pausepoint.events.Event;
import java.time.Instant;

/**
 * The provider accepted the message on attempt {@code attempt}. For a test-key pause nothing was sent:
 * {@code sandbox} is true and {@code renderedMessage} holds what would have gone out.
 */
@JsonTypeName(NotificationSent.TYPE)
public record NotificationSent(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String pauseId,
        String developerId,
        boolean livemode,
        String channel,
        int attempt,
        String providerMessageId,
        boolean sandbox,
        String renderedMessage) implements DeliveryEvent {

    public static final String TYPE = "notification.sent";

    /** The provider accepted a live message on {@code attempt} and named it {@code providerMessageId}. */
    public static NotificationSent accepted(String eventId, Instant occurredAt, String pauseId, String developerId,
            boolean livemode, String channel, int attempt, String providerMessageId) {
        return new NotificationSent(eventId, occurredAt, Event.SCHEMA_VERSION, pauseId, developerId, livemode, channel,
                attempt, providerMessageId, false, null);
    }

    /** A test-key pause: no provider was called (no attempt, no provider id); this is what would have gone out. */
    public static NotificationSent sandbox(String eventId, Instant occurredAt, String pauseId, String developerId,
            String channel, String renderedMessage) {
        return new NotificationSent(eventId, occurredAt, Event.SCHEMA_VERSION, pauseId, developerId, false, channel, 0,
                null, true, renderedMessage);
    }
}
