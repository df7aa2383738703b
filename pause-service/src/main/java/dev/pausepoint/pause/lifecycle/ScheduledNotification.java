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

    /** Reminder {@code reminder}, to the pause's own recipient through its own link (slot 0); numbered later. */
    static ScheduledNotification reminder(int reminder, String channel, String recipient, Instant dueAt) {
        return new ScheduledNotification(0, REMINDER, null, reminder, channel, recipient, 0, dueAt);
    }

    /** Escalation step {@code step}, through the link of its own slot (the step's number); numbered later. */
    static ScheduledNotification escalationStep(int step, String channel, String recipient, Instant dueAt) {
        return new ScheduledNotification(0, ESCALATION, step, null, channel, recipient, step, dueAt);
    }

    ScheduledNotification numbered(int number) {
        return new ScheduledNotification(number, kind, step, reminder, channel, recipient, slot, dueAt);
    }
}
