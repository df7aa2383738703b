package dev.pausepoint.events.delivery;

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
        String providerMessageId) implements DeliveryEvent {

    public static final String TYPE = "notification.delivered";
}
