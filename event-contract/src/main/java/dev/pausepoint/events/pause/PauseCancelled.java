package dev.pausepoint.events.pause;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Map;

/** The developer withdrew the question before anyone answered. */
@JsonTypeName(PauseCancelled.TYPE)
public record PauseCancelled(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String pauseId,
        String developerId,
        boolean livemode,
        Instant cancelledAt,
        Map<String, Object> metadata,
        String actorIp) implements PauseEvent {

    public static final String TYPE = "pause.cancelled";
}
