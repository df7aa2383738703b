package dev.pausepoint.pause.pause;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A pause as stored. */
public record Pause(String id, String developerId, boolean livemode, PauseStatus status, String channel,
        String recipient, String message, List<String> options, boolean allowTextResponse, String timeoutDefault,
        JsonNode metadata, Instant createdAt, Instant expiresAt, String responseChoice, String responseText,
        Instant responseAt, Instant cancelledAt, Delivery delivery) {

    /**
     * Where its notification stands: queued, sent, delivered or failed; sandbox for test keys, which
     * keep the message that would have been sent.
     */
    public record Delivery(String status, int attempts, String lastError, Instant updatedAt, String sandboxMessage) {
    }
}
