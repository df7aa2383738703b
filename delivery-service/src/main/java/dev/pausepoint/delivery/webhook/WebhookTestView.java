package dev.pausepoint.delivery.webhook;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to {@code POST /v1/webhooks/{id}/test}: the test event queued for the endpoint, its delivery
 * (as the endpoint's delivery log will name it) and its event id (the {@code X-PausePoint-Delivery} header).
 */
public record WebhookTestView(String deliveryId, String eventId, @Schema(allowableValues = "webhook.test") String event) {
}
