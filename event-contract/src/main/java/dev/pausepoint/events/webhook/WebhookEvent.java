package dev.pausepoint.events.webhook;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;

/** Changes to a developer's webhook endpoints, published by delivery-service on {@value Topics#WEBHOOK_EVENTS}. */
@JsonSubTypes({
        @JsonSubTypes.Type(WebhookCreated.class),
        @JsonSubTypes.Type(WebhookDeleted.class)})
public interface WebhookEvent extends Event {

    String developerId();

    String webhookId();

    boolean livemode();

    @Override
    default String topic() {
        return Topics.WEBHOOK_EVENTS;
    }

    @Override
    default String key() {
        return developerId();
    }
}
