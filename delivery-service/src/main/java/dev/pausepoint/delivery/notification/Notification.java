package dev.pausepoint.delivery.notification;

import dev.pausepoint.kit.tracing.TraceContext;
import java.util.List;

/**
 * One notification of a pause as stored: {@code notification} 0 is its first, 1 and up its reminders and
 * escalation steps ({@code kind}).
 */
public record Notification(String pauseId, int notification, String kind, String developerId, boolean livemode,
        String channel, String recipient, String respondUrl, String message, List<String> options, String status,
        int attempts, String providerMessageId, TraceContext trace) {

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
}
