package dev.pausepoint.delivery.timeline;

import dev.pausepoint.delivery.notification.NotificationAttemptView;
import dev.pausepoint.delivery.webhook.EndpointAttemptView;
import java.util.List;

/** The answer to {@code GET /v1/deliveries?pause_id=}: each list oldest first, at most its newest 100. */
public record DeliveryTimeline(String pauseId, List<NotificationAttemptView> notifications,
        List<EndpointAttemptView> webhookDeliveries) {
}
