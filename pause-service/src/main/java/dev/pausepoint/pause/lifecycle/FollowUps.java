package dev.pausepoint.pause.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The messages a pause sends after its first, while it is still pending: {@code reminders} to its own
 * recipient, and {@code escalation} steps to others, each through a link of its own (docs/api-reference.md,
 * "Reminders and escalation"). Either may be absent.
 */
public record FollowUps(Reminders reminders, List<EscalationStep> escalation) {

    public static final FollowUps NONE = new FollowUps(null, List.of());

    /** The same recipient again every {@code everyMinutes}, {@code max} times. */
    public record Reminders(int everyMinutes, int max) {
    }

    /** Step {@code step} (1-based): {@code recipient} on {@code channel}, {@code afterMinutes} after the create. */
    public record EscalationStep(int step, int afterMinutes, String channel, String recipient) {
    }

    public FollowUps {
        escalation = escalation == null ? List.of() : List.copyOf(escalation);
    }

    public boolean none() {
        return reminders == null && escalation.isEmpty();
    }

    /**
     * Every follow-up of a pause created at {@code createdAt} to {@code recipient} on {@code channel}, in due
     * order (a reminder before a step due at the same moment), numbered from 1: notification 0 is the first
     * message. Reminders due at or after the expiry are kept too; they will show as skipped.
     */
    List<ScheduledNotification> schedule(String channel, String recipient, Instant createdAt) {
        List<ScheduledNotification> due = new ArrayList<>();
        if (reminders != null) {
            for (int k = 1; k <= reminders.max(); k++) {
                due.add(ScheduledNotification.reminder(k, channel, recipient,
                        createdAt.plusSeconds(60L * k * reminders.everyMinutes())));
            }
        }
        for (EscalationStep step : escalation) {
            due.add(ScheduledNotification.escalationStep(step.step(), step.channel(), step.recipient(),
                    createdAt.plusSeconds(60L * step.afterMinutes())));
        }
        due.sort(Comparator.comparing(ScheduledNotification::dueAt).thenComparingInt(ScheduledNotification::slot)
                .thenComparing(n -> n.reminder() == null ? 0 : n.reminder()));
        List<ScheduledNotification> numbered = new ArrayList<>(due.size());
        for (int i = 0; i < due.size(); i++) {
            numbered.add(due.get(i).numbered(i + 1));
        }
        return numbered;
    }
}
