package dev.pausepoint.delivery.notification;

import dev.pausepoint.identity.CallerIdentity;
import java.util.List;
import org.springframework.stereotype.Service;

/** What was done to notify the human of one pause, as the caller may see it. */
@Service
public class NotificationHistory {

    private final NotificationRepository notifications;

    public NotificationHistory(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /**
     * The provider sends of {@code pauseId}'s notification, oldest first, at most the {@code limit} newest (a
     * test pause's: its sandbox entry); none for another developer's pause or the other world's.
     */
    public List<NotificationAttemptView> of(CallerIdentity caller, String pauseId, int limit) {
        caller.requireAuthenticated();
        return notifications.history(pauseId, caller.developerId(), caller.livemode(), limit);
    }
}
