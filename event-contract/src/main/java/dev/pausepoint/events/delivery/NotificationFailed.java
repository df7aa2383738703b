package dev.pausepoint.events.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** The notification will not arrive: retries are used up, the provider refused it, or it bounced. */
@JsonTypeName(NotificationFailed.TYPE)
public record NotificationFailed(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String pauseId,
        String developerId,
        boolean livemode,
        String channel,
        int attempts,
        String error,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer notification) implements DeliveryEvent {

    public static final String TYPE = "notification.failed";

    /** An event written before a pause could have several notifications has none: it is about the first. */
    public NotificationFailed {
        notification = notification == null ? 0 : notification;
    }

    /** About the pause's first notification (number 0), as every event before reminders and escalation was. */
    public NotificationFailed(String eventId, Instant occurredAt, int schemaVersion, String pauseId, String developerId,
            boolean livemode, String channel, int attempts, String error) {
        this(eventId, occurredAt, schemaVersion, pauseId, developerId, livemode, channel, attempts, error, 0);
    }
}
