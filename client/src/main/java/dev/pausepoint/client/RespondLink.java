package dev.pausepoint.client;

import java.time.Instant;
import java.util.List;

/**
 * A pause as its response link shows it ({@code GET /v1/respond/{token}}): pending or cancelled.
 *
 * @param requestedBy who is asking, as the human sees it
 * @param timeoutDefault the option recorded if nobody answers before {@code expiresAt}; null when none
 */
public record RespondLink(String pauseId, String message, List<String> options, boolean allowTextResponse,
        PauseStatus status, Instant expiresAt, RequestedBy requestedBy, String timeoutDefault) {

    /** The developer's account name when the pause was created, and the agent the create named (or null). */
    public record RequestedBy(String accountName, String agentName) {
    }
}
