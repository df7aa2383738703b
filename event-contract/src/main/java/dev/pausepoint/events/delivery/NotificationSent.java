package dev.pausepoint.events.delivery;

import com.fasterxml.jackson.annotation.JsonTypeName;
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
}
