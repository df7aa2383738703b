package dev.pausepoint.events.pause;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;

/** Facts about a pause, published by pause-service on {@value Topics#PAUSE_EVENTS}, keyed by pause id. */
@JsonSubTypes({
        @JsonSubTypes.Type(PauseCreated.class),
        @JsonSubTypes.Type(PauseResponded.class),
        @JsonSubTypes.Type(PauseTimedOut.class),
        @JsonSubTypes.Type(PauseCancelled.class),
        @JsonSubTypes.Type(PauseReminded.class),
        @JsonSubTypes.Type(PauseEscalated.class)})
public interface PauseEvent extends Event {

    String pauseId();

    String developerId();

    /** False for pauses made with a test key: no provider is called and no quota is used. */
    boolean livemode();

    @Override
    default String topic() {
        return Topics.PAUSE_EVENTS;
    }

    @Override
    default String key() {
        return pauseId();
    }
}
