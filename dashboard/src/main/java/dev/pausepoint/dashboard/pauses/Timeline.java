package dev.pausepoint.dashboard.pauses;

import dev.pausepoint.dashboard.audit.AuditApi.Entry;
import dev.pausepoint.dashboard.pauses.PausesApi.Deliveries;
import dev.pausepoint.dashboard.pauses.PausesApi.Notification;
import dev.pausepoint.dashboard.pauses.PausesApi.Pause;
import dev.pausepoint.dashboard.pauses.PausesApi.WebhookAttempt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything that happened to one pause, in order: its creation, each notification attempt and what the
 * provider said, the human's answer (with who and from where, from the audit log), its timeout or cancel,
 * and each post of its events to each webhook endpoint. The pause itself is the authority on what
 * happened and when; the audit log adds who did it, when its entry has arrived (it comes by event, so a
 * just-answered pause may show the answer before its details).
 */
public final class Timeline {

    /** One line of the timeline; {@code tone} is how the page marks it: ok, bad, or neutral. */
    public record Event(Instant at, int phase, String title, String detail, String tone) {
    }

    private Timeline() {
    }

    public static List<Event> of(Pause pause, Deliveries deliveries, List<Entry> audit) {
        List<Event> events = new ArrayList<>();
        events.add(new Event(pause.createdAt(), 0, "Created", "By the API" + from(audit, "pause.created")
                + ". " + channelName(pause.channel()) + " to " + pause.recipient() + ".", "neutral"));
        for (Notification notification : deliveries.notifications()) {
            events.add(notification(notification));
        }
        if (pause.responseAt() != null && pause.status().equals("responded")) {
            Optional<Entry> answer = entry(audit, "pause.responded");
            String who = answer.map(entry -> " by the human" + (entry.ip() == null ? "" : " from " + entry.ip())
                    + (entry.detail("user_agent") == null ? "" : " (" + entry.detail("user_agent") + ")")).orElse("");
            String note = pause.responseText() == null ? "" : " Note: \u201c" + pause.responseText() + "\u201d";
            events.add(new Event(pause.responseAt(), 2, "Answered \u201c" + pause.responseChoice() + "\u201d",
                    "Answered" + who + "." + note, "ok"));
        }
        if (pause.status().equals("timed_out")) {
            events.add(new Event(pause.expiresAt(), 2, "Timed out", pause.responseChoice() == null
                    ? "No answer before it expired, and no default." : "No answer before it expired: the default \u201c"
                            + pause.responseChoice() + "\u201d was recorded.", "bad"));
        }
        if (pause.cancelledAt() != null) {
            events.add(new Event(pause.cancelledAt(), 2, "Cancelled", "Cancelled through the API"
                    + from(audit, "pause.cancelled") + ".", "neutral"));
        }
        for (WebhookAttempt attempt : deliveries.webhookDeliveries()) {
            events.add(webhook(attempt));
        }
        events.sort(Comparator.comparing(Event::at).thenComparing(Event::phase));
        return events;
    }

    private static Event notification(Notification notification) {
        String channel = channelName(notification.channel());
        String attempt = notification.attempt() == null || notification.attempt() <= 1 ? ""
                : " (attempt " + notification.attempt() + ")";
        String status = notification.status() == null ? "" : notification.status();
        return switch (status) {
            case "sandbox" -> new Event(notification.createdAt(), 1, channel + " not sent: test mode",
                    "The message was stored on the pause instead of sent.", "neutral");
            case "delivered" -> new Event(notification.statusAt() != null ? notification.statusAt()
                    : notification.createdAt(), 1, channel + " delivered" + attempt, "The provider reported delivery"
                    + id(notification) + ".", "ok");
            case "failed" -> new Event(notification.statusAt() != null ? notification.statusAt()
                    : notification.createdAt(), 1, channel + " failed" + attempt,
                    notification.error() == null ? "The provider reported a failure." : notification.error(), "bad");
            default -> new Event(notification.createdAt(), 1, channel + " " + (status.isEmpty() ? "queued" : status)
                    + attempt, "Handed to the provider" + id(notification) + ".", "neutral");
        };
    }

    private static Event webhook(WebhookAttempt attempt) {
        boolean ok = attempt.statusCode() != null && attempt.statusCode() >= 200 && attempt.statusCode() < 300
                && attempt.error() == null;
        String outcome = attempt.statusCode() == null ? "no answer" : "HTTP " + attempt.statusCode();
        String detail = outcome + (attempt.durationMs() == null ? "" : " in " + attempt.durationMs() + " ms")
                + (attempt.error() == null ? "" : ": " + attempt.error())
                + (attempt.nextAttemptAt() == null ? "" : ". Next attempt at " + attempt.nextAttemptAt() + ".");
        return new Event(attempt.createdAt(), 3, "Webhook " + attempt.event() + " to " + attempt.url()
                + (attempt.attempt() > 1 ? " (attempt " + attempt.attempt() + ")" : ""), detail, ok ? "ok" : "bad");
    }

    private static String id(Notification notification) {
        return notification.providerMessageId() == null ? "" : " (" + notification.providerMessageId() + ")";
    }

    private static Optional<Entry> entry(List<Entry> audit, String type) {
        return audit.stream().filter(entry -> entry.eventType().equals(type)).findFirst();
    }

    private static String from(List<Entry> audit, String type) {
        return entry(audit, type).map(entry -> entry.ip() == null ? "" : " from " + entry.ip()).orElse("");
    }

    static String channelName(String channel) {
        return switch (channel == null ? "" : channel) {
            case "sms" -> "SMS";
            case "email" -> "Email";
            case "slack" -> "Slack message";
            default -> "Message";
        };
    }
}
