package dev.pausepoint.delivery.notification;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One provider send of a pause's notification and what became of it, as {@code GET /v1/deliveries} lists
 * it (docs/api-reference.md, "Delivery timeline"). {@code status} is the attempt's own outcome: {@code failed}
 * with the provider's reason in {@code error}, or, for the send the provider accepted, {@code sent} until
 * its report moves it to {@code delivered} or {@code failed} (at {@code statusAt}). A test pause's
 * notification has no send: one {@code sandbox} entry without an attempt number ({@code failed} for a test
 * recipient that fails delivery). {@code nextAttemptAt} is set
 * on the latest attempt only, while another is scheduled.
 */
public record NotificationAttemptView(@Schema(allowableValues = {"sms", "email", "slack"}) String channel,
        @Nullable Integer attempt,
        @Schema(allowableValues = {"sent", "delivered", "failed", "sandbox"}) String status,
        @Nullable String providerMessageId, @Nullable Integer statusCode, @Nullable String error,
        @Nullable Long durationMs, @Nullable Instant nextAttemptAt, Instant createdAt, Instant statusAt) {

    /** The notification an attempt belongs to, as it stands now. */
    record Standing(String channel, String status, int attempts, String providerMessageId, String lastError,
            Instant nextAttemptAt, Instant createdAt, Instant updatedAt) {
    }

    /**
     * A test pause's notification: rendered and stored, no provider called; {@code failed} with its error when
     * its test recipient fails delivery (docs/testing.md).
     */
    static NotificationAttemptView sandbox(Standing notification) {
        boolean failed = notification.status().equals("failed");
        return new NotificationAttemptView(notification.channel(), null, failed ? "failed" : "sandbox", null, null,
                failed ? notification.lastError() : null, null, null, notification.createdAt(),
                failed ? notification.updatedAt() : notification.createdAt());
    }

    /**
     * Attempt {@code attempt} of {@code notification}, made at {@code at}. Only the latest attempt can be the
     * accepted one a provider later reported on, or one that another attempt is scheduled after.
     */
    static NotificationAttemptView of(Standing notification, int attempt, Integer statusCode, String error,
            long durationMs, Instant at) {
        boolean latest = attempt == notification.attempts();
        if (error != null) {
            Instant next = latest && notification.status().equals("pending") ? notification.nextAttemptAt() : null;
            return new NotificationAttemptView(notification.channel(), attempt, "failed", null, statusCode, error,
                    durationMs, next, at, at);
        }
        // Only the accepted send, the latest, carries the provider's id and its later report.
        String reported = latest ? notification.status() : "sent";
        String providerMessageId = latest ? notification.providerMessageId() : null;
        return switch (reported) {
            case "delivered", "failed" -> new NotificationAttemptView(notification.channel(), attempt, reported,
                    providerMessageId, statusCode, reported.equals("failed") ? notification.lastError() : null,
                    durationMs, null, at, notification.updatedAt());
            default -> new NotificationAttemptView(notification.channel(), attempt, "sent", providerMessageId,
                    statusCode, null, durationMs, null, at, at);
        };
    }
}
