package dev.pausepoint.events.webhook;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;

/** A webhook endpoint was registered for {@code events} (never the secret). */
@JsonTypeName(WebhookCreated.TYPE)
public record WebhookCreated(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String developerId,
        boolean livemode,
        String webhookId,
        String url,
        List<String> events,
        String actorIp) implements WebhookEvent {

    public static final String TYPE = "webhook.created";
}
