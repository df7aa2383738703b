package dev.pausepoint.delivery.webhook;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A webhook endpoint as the API shows it; the secret is never shown again after registration. */
public record WebhookView(String webhookId, String url, @ArraySchema(schema = @Schema(allowableValues = {"pause.responded", "pause.timed_out",
        "pause.cancelled", "pause.reminded", "pause.escalated"})) List<String> events, Instant createdAt) {
}
