package dev.pausepoint.delivery.webhook;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An attempt of the delivery log ({@link DeliveryAttemptView}, the item of
 * {@code GET /v1/webhooks/{id}/deliveries}) with the endpoint it was made to, as a pause's timeline lists
 * it: {@code webhook_id} and {@code url} first, then the log item's fields, flat.
 */
@JsonPropertyOrder({"webhook_id", "url"})
public record EndpointAttemptView(String webhookId, String url, @JsonUnwrapped DeliveryAttemptView attempt) {
}
