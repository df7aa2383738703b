package dev.pausepoint.client;

import java.time.Instant;
import java.util.List;

/**
 * Everything delivery-service did for one pause, each list oldest first. An unknown pause (or one
 * delivery-service has not heard of yet) has both lists empty.
 */
public record DeliveryTimeline(String pauseId, List<Notification> notifications,
        List<WebhookDelivery> webhookDeliveries) {

    /**
     * One provider send of the pause's notification; a test pause has one entry of status {@code sandbox}
     * with the rest null.
     */
    public record Notification(Channel channel, Integer attempt, String status, String providerMessageId,
            Integer statusCode, String error, Long durationMs, Instant nextAttemptAt, Instant createdAt,
            Instant statusAt) {
    }
}
