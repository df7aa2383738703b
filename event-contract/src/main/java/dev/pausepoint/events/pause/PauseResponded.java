package dev.pausepoint.events.pause;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Map;

/** The human chose an option; the responder's IP and user agent are kept for the audit log. */
@JsonTypeName(PauseResponded.TYPE)
public record PauseResponded(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String pauseId,
        String developerId,
        boolean livemode,
        String choice,
        String text,
        Instant responseAt,
        Map<String, Object> metadata,
        String actorIp,
        String userAgent) implements PauseEvent {

    public static final String TYPE = "pause.responded";
}
