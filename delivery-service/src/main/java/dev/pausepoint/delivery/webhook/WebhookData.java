package dev.pausepoint.delivery.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a pause as a webhook carries it, the same values a poll shows: the choice (the
 * human's, or the timeout default, or null), the free text or null, when it was decided (null for a
 * cancel and for a timeout without a default) and the pause's metadata. Every field is always present.
 */
@JsonPropertyOrder({"choice", "text", "response_at", "metadata"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookData(@Nullable String choice, @Nullable String text, @Nullable Instant responseAt,
        @Nullable Map<String, Object> metadata) implements PayloadData {

    /** The human's answer: their choice, the free text or null, when they answered. */
    public static WebhookData responded(String choice, String text, Instant responseAt, Map<String, Object> metadata) {
        return new WebhookData(choice, text, responseAt, metadata);
    }

    /**
     * As a poll shows a timeout: with a timeout default ({@code defaultChoice}), that choice at the expiry;
     * without one (null), nothing decided.
     */
    public static WebhookData timedOut(String defaultChoice, Instant timedOutAt, Map<String, Object> metadata) {
        return defaultChoice == null ? undecided(metadata) : new WebhookData(defaultChoice, null, timedOutAt, metadata);
    }

    public static WebhookData cancelled(Map<String, Object> metadata) {
        return undecided(metadata);
    }

    /** The test event's ({@code webhook.test}): about no pause, so nothing decided and no metadata. */
    public static WebhookData test() {
        return undecided(null);
    }

    private static WebhookData undecided(Map<String, Object> metadata) {
        return new WebhookData(null, null, null, metadata);
    }
}
