package dev.pausepoint.delivery.notification;

import dev.pausepoint.delivery.channel.OutgoingMessage;
import dev.pausepoint.kit.asker.Asker;
import dev.pausepoint.kit.tracing.TraceContext;
import java.time.Instant;
import java.util.List;

/**
 * One notification of a pause as stored: {@code notification} 0 is its first, 1 and up its reminders and
 * escalation steps ({@code kind}). {@code asker}, {@code timeoutDefault} and {@code expiresAt} let the message
 * say who asks and what silence means; a row recorded before they were kept has no names and no expiry, and
 * its message names no sender.
 */
public record Notification(String pauseId, int notification, String kind, String developerId, boolean livemode,
        String channel, String recipient, String respondUrl, String message, List<String> options, String status,
        int attempts, String providerMessageId, TraceContext trace, Asker asker, String timeoutDefault,
        Instant expiresAt) {

    public static final String INITIAL = "initial";
    public static final String REMINDER = "reminder";

    /** What names it among every pause's notifications, for the worker's in-flight set and leases. */
    public String key() {
        return key(pauseId, notification);
    }

    static String key(String pauseId, int notification) {
        return pauseId + "#" + notification;
    }

    public boolean reminder() {
        return REMINDER.equals(kind);
    }

    /** What the channel's sender gets. */
    public OutgoingMessage outgoing() {
        return outgoing(pauseId, notification, kind, recipient, respondUrl, message, options, asker, timeoutDefault,
                expiresAt);
    }

    /** The message a notification a pause event asks for would send, as a test pause's sandbox shows it. */
    static OutgoingMessage outgoing(NotificationRepository.Wanted wanted) {
        return outgoing(wanted.pauseId(), wanted.notification(), wanted.kind(), wanted.recipient(),
                wanted.respondUrl(), wanted.message(), wanted.options(), wanted.asker(), wanted.timeoutDefault(),
                wanted.expiresAt());
    }

    private static OutgoingMessage outgoing(String pauseId, int notification, String kind, String recipient,
            String respondUrl, String message, List<String> options, Asker asker, String timeoutDefault,
            Instant expiresAt) {
        return new OutgoingMessage(pauseId, recipient, message, options, respondUrl, asker,
                expiresAt == null ? null : Asker.silence(expiresAt, timeoutDefault), notification,
                REMINDER.equals(kind));
    }
}
