package dev.pausepoint.client;

import java.time.Instant;
import java.util.List;

/** A webhook endpoint of the caller's world. {@code events} are wire names such as {@code pause.responded}. */
public record Webhook(String webhookId, String url, List<String> events, Instant createdAt) {
}
