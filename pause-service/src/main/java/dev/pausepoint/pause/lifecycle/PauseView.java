package dev.pausepoint.pause.lifecycle;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The pause object (docs/api-reference.md, "Pauses"), every field present (null when unset). The fields
 * run from what was asked, through when and how it may be answered ({@code respond_url} beside the expiry
 * that ends the link), to how it ended and the notification.
 */
public record PauseView(String pauseId, @Schema(allowableValues = {"pending", "responded", "timed_out", "cancelled"}) String status, boolean livemode, @Schema(allowableValues = {"sms", "email", "slack"}) String channel,
        String recipient, String message, List<String> options, boolean allowTextResponse,
        @Nullable String timeoutDefault, @Nullable @Schema(types = {"object", "null"}) JsonNode metadata,
        @Nullable String agentName, Instant createdAt, Instant expiresAt, @Nullable String respondUrl, @Nullable String responseChoice,
        @Nullable String responseText, @Nullable Instant responseAt, @Nullable Instant cancelledAt,
        DeliveryView delivery) {

    /** {@code sandbox_message} is this project's addition: what a test-key pause would have sent. */
    public record DeliveryView(
            @Schema(allowableValues = {"queued", "sent", "sandbox", "delivered", "failed"}) String status,
            int attempts, @Nullable String lastError, @Nullable Instant updatedAt, @Nullable String sandboxMessage) {
    }

    /**
     * {@code pause} as the API shows it. A test pause carries its link again, so its developer can answer
     * it (its {@code sandbox_message} holds the same link); a live pause's link is the human's credential
     * and is shown only by the create (docs/api-decisions.md, "Pauses").
     */
    static PauseView of(Pause pause, RespondLinks links) {
        String respondUrl = pause.livemode() ? null : links.to(pause.id(), pause.expiresAt());
        return new PauseView(pause.id(), pause.status().wire(), pause.livemode(), pause.channel(), pause.recipient(),
                pause.message(), pause.options(), pause.allowTextResponse(), pause.timeoutDefault(), pause.metadata(),
                pause.asker().agentName(), pause.createdAt(), pause.expiresAt(), respondUrl, pause.outcome().responseChoice(),
                pause.outcome().responseText(), pause.outcome().responseAt(), pause.outcome().cancelledAt(),
                new DeliveryView(pause.delivery().status(), pause.delivery().attempts(), pause.delivery().lastError(),
                        pause.delivery().updatedAt(), pause.delivery().sandboxMessage()));
    }
}
