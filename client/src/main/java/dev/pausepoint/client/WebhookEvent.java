package dev.pausepoint.client;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A verified webhook post. {@code eventId} is the same on every retry of a delivery: deduplicate on it.
 * For a {@code webhook.test}, {@code pauseId} and every field of {@code data} are null.
 *
 * @param timestamp the second this attempt was signed
 */
public record WebhookEvent(String eventId, String event, String pauseId, String developerId, boolean livemode,
        Instant timestamp, Data data) {

    public static final String PAUSE_RESPONDED = "pause.responded";
    public static final String PAUSE_TIMED_OUT = "pause.timed_out";
    public static final String PAUSE_CANCELLED = "pause.cancelled";
    /** A reminder went out; sent only to endpoints that subscribe to it by name. */
    public static final String PAUSE_REMINDED = "pause.reminded";
    /** An escalation step went out; sent only to endpoints that subscribe to it by name. */
    public static final String PAUSE_ESCALATED = "pause.escalated";
    public static final String WEBHOOK_TEST = "webhook.test";

    /**
     * For the three terminal events, what a read of the pause shows: the human's choice and note; for a timeout
     * the default (or null) and the expiry; for a cancel, both null. For {@code pause.reminded} and
     * {@code pause.escalated}, which notification went out: {@code notification}, {@code kind}, {@code step}
     * (escalation) or {@code reminder} (its number), and {@code channel}; these are null for the other events.
     * {@code metadata} is the pause's, for every pause event.
     */
    public record Data(String choice, String text, Instant responseAt, JsonNode metadata, Integer notification,
            NotificationKind kind, Integer step, Integer reminder, Channel channel) {
    }
}
