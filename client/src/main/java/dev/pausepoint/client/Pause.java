package dev.pausepoint.client;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A pause: what was asked, when and how it can be answered, how it ended, and its notification.
 *
 * <p>Reads, list items, a cancel's answer and a long-poll's answer carry every field. The answer to
 * {@link PausePointClient#createPause} carries only {@code pauseId}, {@code status}, {@code livemode},
 * {@code respondUrl}, {@code expiresAt} and {@code createdAt}; the rest is null (false for the booleans)
 * until the pause is read. {@code respondUrl} of a live pause is shown only by the create.
 */
public record Pause(String pauseId, PauseStatus status, boolean livemode, Channel channel, String recipient,
        String message, List<String> options, boolean allowTextResponse, String timeoutDefault, JsonNode metadata,
        Instant createdAt, Instant expiresAt, String respondUrl, String responseChoice, String responseText,
        Instant responseAt, Instant cancelledAt, Delivery delivery) {

    /** True while nobody has answered, cancelled or timed out the pause. */
    public boolean isPending() {
        return status == PauseStatus.PENDING;
    }

    /**
     * The pause's notification: {@code status} {@code queued}, then {@code sent} (or {@code sandbox} for a
     * test pause), then {@code delivered} or {@code failed} with {@code lastError}.
     */
    public record Delivery(String status, int attempts, String lastError, Instant updatedAt, String sandboxMessage) {
    }
}
