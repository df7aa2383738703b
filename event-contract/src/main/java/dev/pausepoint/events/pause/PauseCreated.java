package dev.pausepoint.events.pause;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A pause was created and its human should be asked. {@code respondUrl} carries the single-use token,
 * so this event is as sensitive as the link itself. {@code actorIp} is the caller, for the audit log.
 * {@code agentName} (the agent's own name) and {@code accountName} (the developer's, as it was at the
 * create) say who asks; both are null when not known, and an event written before they existed reads so.
 */
@JsonTypeName(PauseCreated.TYPE)
public record PauseCreated(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String pauseId,
        String developerId,
        boolean livemode,
        String channel,
        String recipient,
        String message,
        List<String> options,
        boolean allowTextResponse,
        String timeoutDefault,
        Map<String, Object> metadata,
        String respondUrl,
        Instant expiresAt,
        String actorIp,
        String agentName,
        String accountName) implements PauseEvent {

    public static final String TYPE = "pause.created";

    /** A pause whose asker is not known, as every event was before the names were carried. */
    public PauseCreated(String eventId, Instant occurredAt, int schemaVersion, String pauseId, String developerId,
            boolean livemode, String channel, String recipient, String message, List<String> options,
            boolean allowTextResponse, String timeoutDefault, Map<String, Object> metadata, String respondUrl,
            Instant expiresAt, String actorIp) {
        this(eventId, occurredAt, schemaVersion, pauseId, developerId, livemode, channel, recipient, message, options,
                allowTextResponse, timeoutDefault, metadata, respondUrl, expiresAt, actorIp, null, null);
    }
}
