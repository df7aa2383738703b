package dev.pausepoint.events.webhook;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** A webhook endpoint was removed; nothing more is posted to it. */
@JsonTypeName(WebhookDeleted.TYPE)
public record WebhookDeleted(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String developerId,
        boolean livemode,
        String webhookId,
        String actorIp) implements WebhookEvent {

    public static final String TYPE = "webhook.deleted";
}
