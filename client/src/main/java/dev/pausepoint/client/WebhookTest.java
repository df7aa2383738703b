package dev.pausepoint.client;

/**
 * A queued {@code webhook.test}: {@code deliveryId} is the id the endpoint's log will show, {@code eventId}
 * the {@code X-PausePoint-Delivery} the receiver will get.
 */
public record WebhookTest(String deliveryId, String eventId, String event) {
}
