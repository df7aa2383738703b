package dev.pausepoint.delivery.webhook;

/** Pending webhook deliveries: {@code due} now, {@code scheduled} for a later retry. */
public record WebhookBacklog(long due, long scheduled) {
}
