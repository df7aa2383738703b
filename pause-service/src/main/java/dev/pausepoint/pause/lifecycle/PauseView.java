package dev.pausepoint.pause.lifecycle;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The pause object (docs/api-reference.md, "Pauses"), every field present (null when unset). */
public record PauseView(String pauseId, String status, boolean livemode, String channel, String recipient,
        String message, List<String> options, boolean allowTextResponse, String timeoutDefault, JsonNode metadata,
        Instant createdAt, Instant expiresAt, String responseChoice, String responseText, Instant responseAt,
        Instant cancelledAt, DeliveryView delivery) {

    /** {@code sandbox_message} is this project's addition: what a test-key pause would have sent. */
    public record DeliveryView(String status, int attempts, String lastError, Instant updatedAt, String sandboxMessage) {
    }

    public static PauseView of(Pause pause) {
        return new PauseView(pause.id(), pause.status().wire(), pause.livemode(), pause.channel(), pause.recipient(),
                pause.message(), pause.options(), pause.allowTextResponse(), pause.timeoutDefault(), pause.metadata(),
                pause.createdAt(), pause.expiresAt(), pause.outcome().responseChoice(), pause.outcome().responseText(),
                pause.outcome().responseAt(), pause.outcome().cancelledAt(), new DeliveryView(pause.delivery().status(), pause.delivery().attempts(),
                        pause.delivery().lastError(), pause.delivery().updatedAt(), pause.delivery().sandboxMessage()));
    }
}
