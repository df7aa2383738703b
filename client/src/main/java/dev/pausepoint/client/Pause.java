package dev.pausepoint.client;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A pause: what was asked, by which agent, when and how it can be answered, how it ended, and its notifications.
 *
 * <p>Reads, list items, a cancel's answer and a long-poll's answer carry every field. The answer to
 * {@link PausePointClient#createPause} carries only {@code pauseId}, {@code status}, {@code livemode},
 * {@code respondUrl}, {@code expiresAt} and {@code createdAt}; the rest is null (false for the booleans, an
 * empty list for {@code deliveries}) until the pause is read. {@code respondUrl} of a live pause is shown only
 * by the create.
 *
 * @param agentName the agent the create named, null when none
 * @param deliveries every notification of the pause in due order: the first, then its reminders and escalation
 *     steps; {@code delivery} repeats the first's facts
 */
public record Pause(String pauseId, PauseStatus status, boolean livemode, Channel channel, String recipient,
        String message, List<String> options, boolean allowTextResponse, String timeoutDefault, JsonNode metadata,
        Instant createdAt, Instant expiresAt, String respondUrl, String responseChoice, String responseText,
        Instant responseAt, Instant cancelledAt, Delivery delivery, String agentName, List<Notification> deliveries) {

    public Pause {
        deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
    }

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

    /**
     * One notification of the pause.
     *
     * @param notification its number: 0 for the first, then 1, 2, ... in the order they were sent
     * @param step the escalation step (1–3), null for any other kind
     * @param reminder the reminder's number (1–5), null for any other kind
     * @param dueAt when it is (or was) due
     */
    public record Notification(int notification, NotificationKind kind, Integer step, Integer reminder,
            Channel channel, String recipient, Instant dueAt, DeliveryStatus status, int attempts, String lastError,
            Instant updatedAt) {
    }
}
