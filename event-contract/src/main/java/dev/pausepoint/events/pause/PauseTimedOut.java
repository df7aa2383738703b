package dev.pausepoint.events.pause;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Map;

/** Nobody answered in time; {@code choice} is the pause's {@code timeout_default}, or null without one. */
@JsonTypeName(PauseTimedOut.TYPE)
public record PauseTimedOut(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String pauseId,
        String developerId,
        boolean livemode,
        String choice,
        Instant timedOutAt,
        Map<String, Object> metadata) implements PauseEvent {

    public static final String TYPE = "pause.timed_out";
}
