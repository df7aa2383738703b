package dev.pausepoint.pause.lifecycle;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A create request that passed every field rule; {@code recipient} is normalised for its channel,
 * {@code agentName} is the agent's own name or null; {@code followUps} its reminders and escalation.
 */
public record NewPause(String channel, String recipient, String message, List<String> options,
        boolean allowTextResponse, int timeoutHours, String timeoutDefault, ObjectNode metadata, String agentName,
        FollowUps followUps) {

    /** A pause without an agent's name that sends its one message and nothing after it. */
    public NewPause(String channel, String recipient, String message, List<String> options, boolean allowTextResponse,
            int timeoutHours, String timeoutDefault, ObjectNode metadata) {
        this(channel, recipient, message, options, allowTextResponse, timeoutHours, timeoutDefault, metadata, null,
                FollowUps.NONE);
    }
}
