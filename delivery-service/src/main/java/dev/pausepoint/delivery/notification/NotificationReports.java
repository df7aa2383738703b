package dev.pausepoint.delivery.notification;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.events.delivery.NotificationDelivered;
import dev.pausepoint.events.delivery.NotificationFailed;
import dev.pausepoint.kit.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A provider's later word on a sent notification: it moves to delivered or failed once, with its
 * event in the same transaction. Later or repeated reports change nothing.
 */
@Service
public class NotificationReports {

    private final NotificationRepository notifications;
    private final Outbox outbox;
    private final Clock clock;

    public NotificationReports(NotificationRepository notifications, Outbox outbox, Clock clock) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Twilio names the message by the id it gave it. */
    @Transactional
    public void byProviderMessageId(String messageId, boolean delivered, String error) {
        Instant now = EventIds.now(clock);
        notifications.reportByProviderMessageId(messageId, delivered, error, now)
                .ifPresent(n -> outbox.publish(event(n, delivered, error, now)));
    }

    /**
     * SendGrid events carry the pause id and the notification number we tagged the mail with (a mail tagged
     * before a pause could have several carries no number: it is the first).
     */
    @Transactional
    public void byPauseId(String pauseId, int notification, boolean delivered, String error) {
        Instant now = EventIds.now(clock);
        notifications.reportByPause(pauseId, notification, delivered, error, now)
                .ifPresent(n -> outbox.publish(event(n, delivered, error, now)));
    }

    private static Event event(Notification n, boolean delivered, String error, Instant now) {
        return delivered
                ? new NotificationDelivered(EventIds.newEventId(), now, Event.SCHEMA_VERSION, n.pauseId(), n.developerId(),
                        n.livemode(), n.channel(), n.providerMessageId(), n.notification())
                : new NotificationFailed(EventIds.newEventId(), now, Event.SCHEMA_VERSION, n.pauseId(), n.developerId(),
                        n.livemode(), n.channel(), n.attempts(), error, n.notification());
    }
}
