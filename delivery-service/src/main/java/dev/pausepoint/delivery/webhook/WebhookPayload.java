package dev.pausepoint.delivery.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The body of a webhook post (docs/api-reference.md, "Webhooks"). {@code timestamp} is the unix second of
 * this attempt, the same value as the {@code X-PausePoint-Timestamp} header, so a receiver can refuse stale
 * replays using signed data.
 */
@JsonPropertyOrder({"event_id", "event", "pause_id", "developer_id", "livemode", "timestamp", "data"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookPayload(String eventId, String event, String pauseId, String developerId, boolean livemode,
        long timestamp, WebhookData data) {
}
