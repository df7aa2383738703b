package dev.pausepoint.pause.audit;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.account.ApiKeyRotated;
import dev.pausepoint.events.account.DeveloperRegistered;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.events.pause.PauseEscalated;
import dev.pausepoint.events.pause.PauseFollowUp;
import dev.pausepoint.events.pause.PauseReminded;
import dev.pausepoint.events.pause.PauseResponded;
import dev.pausepoint.events.pause.PauseTimedOut;
import dev.pausepoint.events.webhook.WebhookCreated;
import dev.pausepoint.events.webhook.WebhookDeleted;
import dev.pausepoint.kit.outbox.Outbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The audit log: which events it keeps, who acted in each, and what each entry says. One entry per event,
 * at most once, never changed ({@link AuditRepository}). Account entries belong to both worlds.
 */
@Component
public class AuditLog {

    /** The event types the log keeps and the actor of each (docs/api-reference.md, "Audit log"). */
    public static final Map<String, String> ACTORS = Map.of(
            DeveloperRegistered.TYPE, "developer", ApiKeyRotated.TYPE, "developer", PauseCreated.TYPE, "developer",
            PauseResponded.TYPE, "human", PauseTimedOut.TYPE, "system", PauseCancelled.TYPE, "developer",
            WebhookCreated.TYPE, "developer", WebhookDeleted.TYPE, "developer", PauseReminded.TYPE, "system",
            PauseEscalated.TYPE, "system");

    private final AuditRepository entries;

    public AuditLog(AuditRepository entries) {
        this.entries = entries;
    }

    /** Records {@code event} if it is one the log keeps; a second delivery of it changes nothing. */
    public void record(Event event) {
        entryFor(event).ifPresent(entries::insert);
    }

    /** As {@link #record(Event)}, with {@code note} added to the entry's detail after the event's own fields. */
    public void record(Event event, Map<String, Object> note) {
        entryFor(event).map(entry -> entry.noting(note)).ifPresent(entries::insert);
    }

    /** The statement that records {@code event}, for a caller that writes it together with its change. */
    public Optional<Outbox.Write> recording(Event event) {
        return entryFor(event).map(entries::insertion);
    }

    static Optional<NewAuditEntry> entryFor(Event event) {
        Map<String, Object> detail = new LinkedHashMap<>();
        if (event instanceof PauseCreated e) {
            // Never the respond URL: it carries the human's token.
            detail.put("channel", e.channel());
            detail.put("recipient", e.recipient());
            detail.put("expires_at", e.expiresAt().toString());
            return Optional.of(NewAuditEntry.aboutPause(e, PauseCreated.TYPE, detail).from(e.actorIp()));
        }
        if (event instanceof PauseResponded e) {
            detail.put("choice", e.choice());
            detail.put("text", e.text());
            detail.put("user_agent", e.userAgent());
            return Optional.of(NewAuditEntry.aboutPause(e, PauseResponded.TYPE, detail).from(e.actorIp()));
        }
        if (event instanceof PauseTimedOut e) {
            detail.put("choice", e.choice());
            return Optional.of(NewAuditEntry.aboutPause(e, PauseTimedOut.TYPE, detail));
        }
        if (event instanceof PauseFollowUp e) {
            // Never the respond URL: it carries the recipient's token.
            detail.put("notification", e.notification());
            detail.put("channel", e.channel());
            detail.put("recipient", e.recipient());
            if (e.step() != null) {
                detail.put("step", e.step());
            } else {
                detail.put("reminder", e.reminder());
            }
            String type = e instanceof PauseReminded ? PauseReminded.TYPE : PauseEscalated.TYPE;
            return Optional.of(NewAuditEntry.aboutPause(e, type, detail));
        }
        if (event instanceof PauseCancelled e) {
            return Optional.of(NewAuditEntry.aboutPause(e, PauseCancelled.TYPE, detail).from(e.actorIp()));
        }
        if (event instanceof DeveloperRegistered e) {
            detail.put("email", e.email());
            detail.put("plan", e.plan());
            return Optional.of(NewAuditEntry.aboutAccount(e, DeveloperRegistered.TYPE, detail).from(e.actorIp()));
        }
        if (event instanceof ApiKeyRotated e) {
            detail.put("key_type", e.keyType());
            detail.put("new_key_prefix", e.newKeyPrefix());
            return Optional.of(NewAuditEntry.aboutAccount(e, ApiKeyRotated.TYPE, detail).from(e.actorIp()));
        }
        if (event instanceof WebhookCreated e) {
            detail.put("webhook_id", e.webhookId());
            detail.put("url", e.url());
            detail.put("events", e.events());
            return Optional.of(NewAuditEntry.aboutWebhook(e, WebhookCreated.TYPE, detail).from(e.actorIp()));
        }
        if (event instanceof WebhookDeleted e) {
            detail.put("webhook_id", e.webhookId());
            return Optional.of(NewAuditEntry.aboutWebhook(e, WebhookDeleted.TYPE, detail).from(e.actorIp()));
        }
        return Optional.empty();
    }
}
