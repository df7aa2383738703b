package dev.pausepoint.events.pause;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A pause was created and its human should be asked. {@code respondUrl} carries the single-use token,
 * so this event is as sensitive as the link itself. {@code actorIp} is the caller, for the audit log.
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
        String actorIp) implements PauseEvent {

    public static final String TYPE = "pause.created";
}
