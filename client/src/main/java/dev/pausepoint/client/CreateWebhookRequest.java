package dev.pausepoint.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /v1/webhooks}. {@code events} null subscribes to the three terminal pause events,
 * {@link WebhookEvent#PAUSE_RESPONDED}, {@link WebhookEvent#PAUSE_TIMED_OUT} and
 * {@link WebhookEvent#PAUSE_CANCELLED}; {@link WebhookEvent#PAUSE_REMINDED} and
 * {@link WebhookEvent#PAUSE_ESCALATED} come only to an endpoint that names them. The secret (16–256
 * characters) signs every post.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateWebhookRequest(String url, List<String> events, String secret) {

    public CreateWebhookRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        events = events == null ? null : List.copyOf(events);
    }

    /** Every pause event. */
    public static CreateWebhookRequest allEvents(String url, String secret) {
        return new CreateWebhookRequest(url, null, secret);
    }
}
