package dev.pausepoint.events.account;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;

/** Facts about a developer account, published by billing-service on {@value Topics#ACCOUNT_EVENTS}. */
@JsonSubTypes({
        @JsonSubTypes.Type(DeveloperRegistered.class),
        @JsonSubTypes.Type(ApiKeyRotated.class),
        @JsonSubTypes.Type(PlanChanged.class)})
public interface AccountEvent extends Event {

    String developerId();

    @Override
    default String topic() {
        return Topics.ACCOUNT_EVENTS;
    }

    @Override
    default String key() {
        return developerId();
    }
}
