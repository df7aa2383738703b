package dev.pausepoint.events.pause;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Escalation step {@code step} of a still pending pause is due: its recipient is asked, through a link of its
 * own (the step's slot); every earlier link keeps working.
 */
@JsonTypeName(PauseEscalated.TYPE)
public record PauseEscalated(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String pauseId,
        String developerId,
        boolean livemode,
        int notification,
        Integer step,
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

    public static final String TYPE = "pause.escalated";
    public static final String KIND = "escalation";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Integer reminder() {
        return null;
    }
}
