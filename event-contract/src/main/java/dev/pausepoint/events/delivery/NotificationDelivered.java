package dev.pausepoint.events.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** The provider reported the message delivered to the human's device or inbox. */
@JsonTypeName(NotificationDelivered.TYPE)
public record NotificationDelivered(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String pauseId,
        String developerId,
        boolean livemode,
        String channel,
        String providerMessageId,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer notification) implements DeliveryEvent {

    public static final String TYPE = "notification.delivered";

    /** An event written before a pause could have several notifications has none: it is about the first. */
    public NotificationDelivered {
        notification = notification == null ? 0 : notification;
    }

    /** About the pause's first notification (number 0), as every event before reminders and escalation was. */
    public NotificationDelivered(String eventId, Instant occurredAt, int schemaVersion, String pauseId, String developerId,
            boolean livemode, String channel, String providerMessageId) {
        this(eventId, occurredAt, schemaVersion, pauseId, developerId, livemode, channel, providerMessageId, 0);
    }
}
