package dev.pausepoint.delivery.webhook;

import java.time.Instant;
import java.util.List;

/** A webhook endpoint as the API shows it; the secret is never shown again after registration. */
public record WebhookView(String webhookId, String url, List<String> events, Instant createdAt) {
}
