package dev.pausepoint.client;

import java.time.Instant;

/**
 * One attempt to post an event to an endpoint. {@code webhookId} and {@code url} are set in a pause's
 * {@link DeliveryTimeline} and null in an endpoint's own log ({@link PausePointClient#listWebhookDeliveries}),
 * which is about one endpoint. {@code statusCode} is null when no answer came, {@code error} null on
 * success, {@code nextAttemptAt} null once the delivery succeeded or gave up.
 */
public record WebhookDelivery(String webhookId, String url, String deliveryId, String eventId, String event,
        String pauseId, int attempt, Integer statusCode, String error, Long durationMs, Instant nextAttemptAt,
        Instant createdAt) {
}
