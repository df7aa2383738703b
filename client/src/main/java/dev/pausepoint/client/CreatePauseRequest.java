package dev.pausepoint.client;

import com.fasterxml.jackson.annotation.JsonInclude;
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
        Boolean allowTextResponse, Integer timeoutHours, String timeoutDefault, JsonNode metadata) {

    public CreatePauseRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(message, "message");
        options = List.copyOf(Objects.requireNonNull(options, "options"));
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

        public CreatePauseRequest build() {
            return new CreatePauseRequest(channel, recipient, message, options, allowTextResponse, timeoutHours,
                    timeoutDefault, metadata);
        }
    }
}
