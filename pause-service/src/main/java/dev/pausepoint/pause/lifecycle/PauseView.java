package dev.pausepoint.pause.lifecycle;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
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
        DeliveryView delivery, List<DeliveryItem> deliveries) {

    /** {@code sandbox_message} is this project's addition: what a test-key pause would have sent. */
    public record DeliveryView(
            @Schema(allowableValues = {"queued", "sent", "sandbox", "delivered", "failed"}) String status,
            int attempts, @Nullable String lastError, @Nullable Instant updatedAt, @Nullable String sandboxMessage) {
    }

    /**
     * One of the pause's notifications, in due order: the first ({@code initial}, the same facts as
     * {@code delivery}), then its reminders and escalation steps. {@code status} is the delivery's, or
     * {@code scheduled} before the notification is due, or {@code skipped} when its time came, or will come,
     * after the pause ended.
     */
    public record DeliveryItem(int notification,
            @Schema(allowableValues = {"initial", "reminder", "escalation"}) String kind, @Nullable Integer step,
            @Nullable Integer reminder, @Schema(allowableValues = {"sms", "email", "slack"}) String channel,
            String recipient, Instant dueAt,
            @Schema(allowableValues = {"scheduled", "queued", "sent", "sandbox", "delivered", "failed", "skipped"})
            String status, int attempts, @Nullable String lastError, @Nullable Instant updatedAt,
            @Nullable String sandboxMessage) {
    }

    /**
     * {@code pause} as the API shows it. A test pause carries its link again, so its developer can answer
     * it (its {@code sandbox_message} holds the same link); a live pause's link is the human's credential
     * and is shown only by the create (docs/api-decisions.md, "Pauses").
     */
    static PauseView of(Pause pause, RespondLinks links, List<PauseScheduleRepository.Entry> followUps) {
        String respondUrl = pause.livemode() ? null : links.to(pause.id(), pause.expiresAt());
        return new PauseView(pause.id(), pause.status().wire(), pause.livemode(), pause.channel(), pause.recipient(),
                pause.message(), pause.options(), pause.allowTextResponse(), pause.timeoutDefault(), pause.metadata(),
                pause.asker().agentName(), pause.createdAt(), pause.expiresAt(), respondUrl, pause.outcome().responseChoice(),
                pause.outcome().responseText(), pause.outcome().responseAt(), pause.outcome().cancelledAt(),
                new DeliveryView(pause.delivery().status(), pause.delivery().attempts(), pause.delivery().lastError(),
                        pause.delivery().updatedAt(), pause.delivery().sandboxMessage()),
                deliveries(pause, followUps));
    }

    private static List<DeliveryItem> deliveries(Pause pause, List<PauseScheduleRepository.Entry> followUps) {
        Pause.Delivery first = pause.delivery();
        DeliveryItem initial = new DeliveryItem(0, ScheduledNotification.INITIAL, null, null, pause.channel(),
                pause.recipient(), pause.createdAt(), first.status(), first.attempts(), first.lastError(),
                first.updatedAt(), first.sandboxMessage());
        if (followUps.isEmpty()) {
            return List.of(initial);
        }
        List<DeliveryItem> items = new ArrayList<>(followUps.size() + 1);
        items.add(initial);
        for (PauseScheduleRepository.Entry entry : followUps) {
            ScheduledNotification n = entry.notification();
            Pause.Delivery delivery = entry.delivery();
            boolean emitted = entry.state().equals("emitted");
            String status = emitted ? delivery.status() : entry.state().equals("skipped")
                    || pause.status() != PauseStatus.PENDING || !n.dueAt().isBefore(pause.expiresAt()) ? "skipped"
                    : "scheduled";
            items.add(new DeliveryItem(n.notification(), n.kind(), n.step(), n.reminder(), n.channel(), n.recipient(),
                    n.dueAt(), status, emitted ? delivery.attempts() : 0, emitted ? delivery.lastError() : null,
                    emitted ? delivery.updatedAt() : null, emitted ? delivery.sandboxMessage() : null));
        }
        return items;
    }
}
