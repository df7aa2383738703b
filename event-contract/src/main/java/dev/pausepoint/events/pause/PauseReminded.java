package dev.pausepoint.events.pause;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reminder {@code reminder} of a still pending pause is due: its own recipient is asked again, through its
 * own link.
 */
@JsonTypeName(PauseReminded.TYPE)
public record PauseReminded(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String pauseId,
        String developerId,
        boolean livemode,
        int notification,
        Integer reminder,
        String channel,
        String recipient,
        String message,
        List<String> options,
        String respondUrl,
        Instant expiresAt,
        Map<String, Object> metadata,
        String timeoutDefault,
        String agentName,
        String accountName) implements PauseFollowUp {

    public static final String TYPE = "pause.reminded";
    public static final String KIND = "reminder";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Integer step() {
        return null;
    }
}
