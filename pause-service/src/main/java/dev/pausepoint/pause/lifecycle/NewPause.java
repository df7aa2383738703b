package dev.pausepoint.pause.lifecycle;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A create request that passed every field rule; {@code recipient} is normalised for its channel,
 * {@code agentName} is the agent's own name or null.
 */
public record NewPause(String channel, String recipient, String message, List<String> options,
        boolean allowTextResponse, int timeoutHours, String timeoutDefault, ObjectNode metadata, String agentName) {
}
