package dev.pausepoint.delivery.webhook;

import java.time.Instant;

/**
 * One attempt to post an event to an endpoint, as {@code GET /v1/webhooks/{id}/deliveries} lists it.
 * {@code statusCode} is null when no answer came (refused, unreachable, timed out); {@code error} is null
 * on success; {@code nextAttemptAt} is null once the delivery succeeded or gave up.
 */
public record DeliveryAttemptView(String deliveryId, String eventId, String event, String pauseId, int attempt,
        Integer statusCode, String error, long durationMs, Instant nextAttemptAt, Instant createdAt) {
}
