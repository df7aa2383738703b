package dev.pausepoint.delivery.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to post an event to an endpoint, as {@code GET /v1/webhooks/{id}/deliveries} lists it.
 * {@code statusCode} is null when no answer came (refused, unreachable, timed out); {@code error} is null
 * on success; {@code nextAttemptAt} is null once the delivery succeeded or gave up.
 */
public record DeliveryAttemptView(String deliveryId, String eventId, @Schema(allowableValues = {"pause.responded", "pause.timed_out", "pause.cancelled", "pause.reminded", "pause.escalated", "webhook.test"}) String event,
        @Nullable String pauseId, int attempt, @Nullable Integer statusCode, @Nullable String error, long durationMs,
        @Nullable Instant nextAttemptAt, Instant createdAt) {
}
