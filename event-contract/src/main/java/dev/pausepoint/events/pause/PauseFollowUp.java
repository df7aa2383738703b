package dev.pausepoint.events.pause;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message a pending pause sends after its first: a reminder to its own recipient or an escalation step
 * to another. It carries what delivery-service needs to render and send it, and, like
 * {@link PauseCreated}, a respond URL: the link of the recipient's slot, as sensitive as the link itself.
 */
public interface PauseFollowUp extends PauseEvent {

    /** The pause's notification this is: 1, 2, ... in the order they were due (0 is the first message). */
    int notification();

    String channel();

    String recipient();

    String message();

    List<String> options();

    String respondUrl();

    Instant expiresAt();

    Map<String, Object> metadata();

    /** The pause's default on timeout, so the message can say what silence means; null when it has none. */
    String timeoutDefault();

    /** Who asks, as on {@link PauseCreated}: the agent's name and the account's, each null when unknown. */
    String agentName();

    String accountName();

    /** {@code reminder} or {@code escalation}. */
    String kind();

    /** The escalation step, 1-3; null for a reminder. */
    Integer step();

    /** Which reminder, 1-5; null for an escalation step. */
    Integer reminder();
}
