package dev.pausepoint.pause.lifecycle;

import java.time.Instant;

/**
 * One follow-up message of a pause, as stored in {@code pause_schedule}: its number among the pause's
 * notifications (0 is the first message, never stored here), what it is, to whom, through which link
 * ({@code slot}: 0 the pause's own recipient, 1-3 an escalation step's), and when it is due.
 */
public record ScheduledNotification(int notification, String kind, Integer step, Integer reminder, String channel,
        String recipient, int slot, Instant dueAt) {

    public static final String INITIAL = "initial";
    public static final String REMINDER = "reminder";
    public static final String ESCALATION = "escalation";

    ScheduledNotification numbered(int number) {
        return new ScheduledNotification(number, kind, step, reminder, channel, recipient, slot, dueAt);
    }
}
