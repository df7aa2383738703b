package dev.pausepoint.delivery.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Map;

/**
 * The outcome of a pause as a webhook carries it, the same values a poll shows: the choice (the
 * human's, or the timeout default, or null), the free text or null, when it was decided (null for a
 * cancel and for a timeout without a default) and the pause's metadata. Every field is always present.
 */
@JsonPropertyOrder({"choice", "text", "response_at", "metadata"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookData(String choice, String text, Instant responseAt, Map<String, Object> metadata) {
}
