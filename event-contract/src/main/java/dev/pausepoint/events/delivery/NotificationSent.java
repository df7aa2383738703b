package dev.pausepoint.events.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
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
        String renderedMessage,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer notification) implements DeliveryEvent {

    public static final String TYPE = "notification.sent";

    /** An event written before a pause could have several notifications has none: it is about the first. */
    public NotificationSent {
        notification = notification == null ? 0 : notification;
    }

    /** About the pause's first notification (number 0), as every event before reminders and escalation was. */
    public NotificationSent(String eventId, Instant occurredAt, int schemaVersion, String pauseId, String developerId,
            boolean livemode, String channel, int attempt, String providerMessageId, boolean sandbox,
            String renderedMessage) {
        this(eventId, occurredAt, schemaVersion, pauseId, developerId, livemode, channel, attempt, providerMessageId,
                sandbox, renderedMessage, 0);
    }

    /** The provider accepted a live message on {@code attempt} and named it {@code providerMessageId}. */
    public static NotificationSent accepted(String eventId, Instant occurredAt, String pauseId, String developerId,
            boolean livemode, String channel, int attempt, String providerMessageId) {
        return accepted(eventId, occurredAt, pauseId, developerId, livemode, channel, attempt, providerMessageId, 0);
    }

    /** The same, for the pause's notification {@code notification} (0 the first). */
    public static NotificationSent accepted(String eventId, Instant occurredAt, String pauseId, String developerId,
            boolean livemode, String channel, int attempt, String providerMessageId, int notification) {
        return new NotificationSent(eventId, occurredAt, Event.SCHEMA_VERSION, pauseId, developerId, livemode, channel,
                attempt, providerMessageId, false, null, notification);
    }

    /** A test-key pause: no provider was called (no attempt, no provider id); this is what would have gone out. */
    public static NotificationSent sandbox(String eventId, Instant occurredAt, String pauseId, String developerId,
            String channel, String renderedMessage) {
        return sandbox(eventId, occurredAt, pauseId, developerId, channel, renderedMessage, 0);
    }

    /** The same, for the pause's notification {@code notification} (0 the first). */
    public static NotificationSent sandbox(String eventId, Instant occurredAt, String pauseId, String developerId,
            String channel, String renderedMessage, int notification) {
        return new NotificationSent(eventId, occurredAt, Event.SCHEMA_VERSION, pauseId, developerId, false, channel, 0,
                null, true, renderedMessage, notification);
    }
}
