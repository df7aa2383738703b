package dev.pausepoint.billing.subscription;

import dev.pausepoint.errors.ValidationException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * The part of a Paddle notification PausePoint uses. {@code subscription} is null for event types
 * other than {@code subscription.*}, which are acknowledged and ignored.
 */
public record PaddleEvent(String eventId, String eventType, Instant occurredAt, SubscriptionState subscription) {

    /** A subscription as Paddle describes it in the event's {@code data}. */
    public record SubscriptionState(String id, String status, String customerId, String priceId, String developerId,
            Instant periodEnd, String scheduledChange, Instant scheduledChangeAt) {
    }

    public static PaddleEvent parse(JsonNode body) {
        String eventId = text(body.path("event_id"));
        String eventType = text(body.path("event_type"));
        Instant occurredAt = instant(body.path("occurred_at"), "occurred_at");
        if (eventId == null || eventType == null || occurredAt == null) {
            throw new ValidationException("event_id", "event_id, event_type and occurred_at are required");
        }
        if (!eventType.startsWith("subscription.")) {
            return new PaddleEvent(eventId, eventType, occurredAt, null);
        }
        JsonNode data = body.path("data");
        String id = text(data.path("id"));
        String status = text(data.path("status"));
        String priceId = text(data.path("items").path(0).path("price").path("id"));
        if (id == null || status == null || priceId == null) {
            throw new ValidationException("data", "a subscription event needs data.id, data.status and data.items[0].price.id");
        }
        return new PaddleEvent(eventId, eventType, occurredAt, new SubscriptionState(id, status,
                text(data.path("customer_id")), priceId, text(data.path("custom_data").path("developer_id")),
                instant(data.path("current_billing_period").path("ends_at"), "data.current_billing_period.ends_at"),
                text(data.path("scheduled_change").path("action")),
                instant(data.path("scheduled_change").path("effective_at"), "data.scheduled_change.effective_at")));
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be an RFC 3339 timestamp");
        }
    }
}
