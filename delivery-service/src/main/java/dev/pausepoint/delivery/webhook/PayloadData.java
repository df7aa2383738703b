package dev.pausepoint.delivery.webhook;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook post's {@code data}: a pause's outcome ({@link WebhookData}) for the terminal events and the test,
 * or one of its follow-up messages ({@link FollowUpData}) for {@code pause.reminded} and
 * {@code pause.escalated}. Stored as JSON with the delivery and read back into its record, so every post
 * writes its fields in the documented order.
 */
sealed interface PayloadData permits WebhookData, FollowUpData {

    /** The stored {@code data} of a delivery: a follow-up's carries its {@code kind}, an outcome's never does. */
    static PayloadData read(JsonMapper json, String stored) {
        JsonNode data = json.readTree(stored);
        return data.has("kind") ? json.treeToValue(data, FollowUpData.class)
                : json.treeToValue(data, WebhookData.class);
    }
}
