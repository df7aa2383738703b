package dev.pausepoint.pause.audit;

import dev.pausepoint.events.account.AccountEvent;
import dev.pausepoint.events.pause.PauseEvent;
import dev.pausepoint.events.webhook.WebhookEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An entry about to be written, one per event. {@code livemode} is null for account entries, which belong
 * to both worlds; {@code pauseId} is null for entries not about a pause; {@code ip} is null when no caller
 * acted (the timeout).
 */
record NewAuditEntry(String eventId, Instant occurredAt, String type, String developerId, Boolean livemode,
        String pauseId, Map<String, Object> detail, String ip) {

    static NewAuditEntry aboutPause(PauseEvent event, String type, Map<String, Object> detail) {
        return new NewAuditEntry(event.eventId(), event.occurredAt(), type, event.developerId(), event.livemode(),
                event.pauseId(), detail, null);
    }

    static NewAuditEntry aboutAccount(AccountEvent event, String type, Map<String, Object> detail) {
        return new NewAuditEntry(event.eventId(), event.occurredAt(), type, event.developerId(), null, null, detail,
                null);
    }

    static NewAuditEntry aboutWebhook(WebhookEvent event, String type, Map<String, Object> detail) {
        return new NewAuditEntry(event.eventId(), event.occurredAt(), type, event.developerId(), event.livemode(),
                null, detail, null);
    }

    /** The same entry, made by the caller at {@code ip}. */
    NewAuditEntry from(String ip) {
        return new NewAuditEntry(eventId, occurredAt, type, developerId, livemode, pauseId, detail, ip);
    }

    /** The same entry, its detail followed by {@code note}. */
    NewAuditEntry noting(Map<String, Object> note) {
        Map<String, Object> noted = new LinkedHashMap<>(detail);
        noted.putAll(note);
        return new NewAuditEntry(eventId, occurredAt, type, developerId, livemode, pauseId, noted, ip);
    }

    String actor() {
        return AuditLog.ACTORS.get(type);
    }
}
