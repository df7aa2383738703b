package dev.pausepoint.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/pause}. The client checks only that the required fields are set; every
 * rule on their values is the server's, answered with its error (so the client never disagrees with it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreatePauseRequest(Channel channel, String recipient, String message, List<String> options,
        Boolean allowTextResponse, Integer timeoutHours, String timeoutDefault, JsonNode metadata, String agentName,
        Reminders reminders, List<EscalationStep> escalation) {

    public CreatePauseRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(message, "message");
        options = List.copyOf(Objects.requireNonNull(options, "options"));
        escalation = escalation == null ? null : List.copyOf(escalation);
    }

    /**
     * The notification sent again to the pause's own recipient, marked as a reminder, every
     * {@code everyMinutes} (at least 5) at most {@code max} times (1–5), while the pause is pending.
     */
    public record Reminders(int everyMinutes, int max) {
    }

    /**
     * A recipient notified, with a link of their own, {@code afterMinutes} after the create if the pause is
     * still pending; earlier links keep working and the first answer through any of them decides.
     */
    public record EscalationStep(int afterMinutes, Channel channel, String recipient) {

        public EscalationStep {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(recipient, "recipient");
        }

        /** A step to one of the {@link TestRecipients}, which answers by itself in test mode. */
        public static EscalationStep to(int afterMinutes, TestRecipient recipient) {
            return new EscalationStep(afterMinutes, recipient.channel(), recipient.recipient());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CreatePauseRequest}; unset optional fields are left to the server's defaults. */
    public static final class Builder {
        private Channel channel;
        private String recipient;
        private String message;
        private List<String> options;
        private Boolean allowTextResponse;
        private Integer timeoutHours;
        private String timeoutDefault;
        private JsonNode metadata;
        private String agentName;
        private Reminders reminders;
        private List<EscalationStep> escalation;

        private Builder() {
        }

        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        /** An E.164 phone number, an email address or a Slack incoming-webhook URL, by channel. */
        public Builder recipient(String recipient) {
            this.recipient = recipient;
            return this;
        }

        /** Channel and recipient of one of the {@link TestRecipients}, which answers by itself in test mode. */
        public Builder to(TestRecipient recipient) {
            return channel(recipient.channel()).recipient(recipient.recipient());
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** Two to five distinct choices. */
        public Builder options(String... options) {
            return options(List.of(options));
        }

        public Builder options(List<String> options) {
            this.options = options;
            return this;
        }

        public Builder allowTextResponse(boolean allowTextResponse) {
            this.allowTextResponse = allowTextResponse;
            return this;
        }

        /** Hours until the pause times out (default 24), capped by the server at the plan's maximum. */
        public Builder timeoutHours(int timeoutHours) {
            this.timeoutHours = timeoutHours;
            return this;
        }

        /** The option recorded when the pause times out; none (null) by default. */
        public Builder timeoutDefault(String timeoutDefault) {
            this.timeoutDefault = timeoutDefault;
            return this;
        }

        /** Any JSON object, echoed in reads and webhooks. */
        public Builder metadata(Map<String, ?> metadata) {
            this.metadata = metadata == null ? null : Json.tree(metadata);
            return this;
        }

        public Builder metadata(JsonNode metadata) {
            this.metadata = metadata;
            return this;
        }

        /**
         * Which agent asks (1–80 characters, no control characters), shown to the human next to the account's
         * name; none by default.
         */
        public Builder agentName(String agentName) {
            this.agentName = agentName;
            return this;
        }

        /** Remind the recipient every {@code everyMinutes} (at least 5), at most {@code max} times (1–5). */
        public Builder reminders(int everyMinutes, int max) {
            this.reminders = new Reminders(everyMinutes, max);
            return this;
        }

        /** Adds an escalation step (at most 3, each later than the one before, all before the pause expires). */
        public Builder escalateAfter(int afterMinutes, Channel channel, String recipient) {
            return escalate(new EscalationStep(afterMinutes, channel, recipient));
        }

        public Builder escalate(EscalationStep step) {
            if (escalation == null) {
                escalation = new ArrayList<>();
            }
            escalation.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        public CreatePauseRequest build() {
            return new CreatePauseRequest(channel, recipient, message, options, allowTextResponse, timeoutHours,
                    timeoutDefault, metadata, agentName, reminders, escalation);
        }
    }
}
