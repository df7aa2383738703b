package dev.pausepoint.delivery.timeline;

import dev.pausepoint.delivery.notification.NotificationHistory;
import dev.pausepoint.delivery.webhook.WebhookService;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.identity.CallerIdentity;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * A pause's timeline from both features. A pause this service has no record of in the caller's world
 * (unknown, another developer's, the other world's, or one whose creation event has not arrived yet) has
 * an empty timeline rather than a 404: delivery-service cannot tell those apart, and an empty answer
 * reveals nothing about anyone else's ids.
 */
@Service
public class DeliveryTimelineService {

    /** Each list holds at most this many entries, the newest; a pause rarely has more than a dozen. */
    static final int MAX_ENTRIES = 100;
    /** Pause ids as pause-service makes them: {@code psr_} and a lowercase UUID. */
    private static final Pattern PAUSE_ID =
            Pattern.compile("psr_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final NotificationHistory notifications;
    private final WebhookService webhooks;

    public DeliveryTimelineService(NotificationHistory notifications, WebhookService webhooks) {
        this.notifications = notifications;
        this.webhooks = webhooks;
    }

    public DeliveryTimeline of(CallerIdentity caller, String pauseId) {
        caller.requireAuthenticated();
        if (pauseId == null) {
            throw new ValidationException("pause_id", "is required");
        }
        if (!PAUSE_ID.matcher(pauseId).matches()) {
            throw new ValidationException("pause_id", "must be a pause id: psr_ followed by a lowercase UUID");
        }
        return new DeliveryTimeline(pauseId, notifications.of(caller, pauseId, MAX_ENTRIES),
                webhooks.attemptsOfPause(caller, pauseId, MAX_ENTRIES));
    }
}
