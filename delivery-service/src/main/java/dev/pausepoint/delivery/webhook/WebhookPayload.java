package dev.pausepoint.delivery.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of a webhook post (docs/api-reference.md, "Webhooks"). {@code timestamp} is the unix second of
 * this attempt, the same value as the {@code X-PausePoint-Timestamp} header, so a receiver can refuse stale
 * replays using signed data.
 */
@JsonPropertyOrder({"event_id", "event", "pause_id", "developer_id", "livemode", "timestamp", "data"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookPayload(String eventId, @Schema(allowableValues = {"pause.responded", "pause.timed_out", "pause.cancelled", "pause.reminded", "pause.escalated", "webhook.test"}) String event,
        @Nullable String pauseId, String developerId, boolean livemode,
        @Schema(description = "The unix second of this attempt.") long timestamp,
        @Schema(oneOf = {WebhookData.class, FollowUpData.class},
                description = "WebhookData for the outcomes and webhook.test; FollowUpData for pause.reminded and"
                        + " pause.escalated.") PayloadData data) {
}
