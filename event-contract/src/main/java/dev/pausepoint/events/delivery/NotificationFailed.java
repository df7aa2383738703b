package dev.pausepoint.events.delivery;

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
        String error) implements DeliveryEvent {

    public static final String TYPE = "notification.failed";
}
