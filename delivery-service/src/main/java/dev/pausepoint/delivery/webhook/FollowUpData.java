package dev.pausepoint.delivery.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pausepoint.events.pause.PauseFollowUp;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A follow-up message of a pause as {@code pause.reminded} and {@code pause.escalated} posts carry it: which
 * of the pause's notifications it is, a reminder (with its number) or an escalation step (with its step),
 * its channel, and the pause's metadata. Never the recipient's link. Every field is always present.
 */
@JsonPropertyOrder({"notification", "kind", "step", "reminder", "channel", "metadata"})
@JsonInclude(JsonInclude.Include.ALWAYS)
record FollowUpData(int notification, @Schema(allowableValues = {"reminder", "escalation"}) String kind,
        @Nullable Integer step, @Nullable Integer reminder,
        @Schema(allowableValues = {"sms", "email", "slack"}) String channel,
        @Nullable Map<String, Object> metadata) implements PayloadData {

    static FollowUpData of(PauseFollowUp event) {
        return new FollowUpData(event.notification(), event.kind(), event.step(), event.reminder(), event.channel(),
                event.metadata());
    }
}
