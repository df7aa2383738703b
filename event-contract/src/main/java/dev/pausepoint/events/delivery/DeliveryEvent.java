package dev.pausepoint.events.delivery;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;

/**
 * What happened to a pause's notification, published by delivery-service on {@value
 * Topics#DELIVERY_EVENTS}, keyed by pause id so it stays in order with the pause's own events.
 */
@JsonSubTypes({
        @JsonSubTypes.Type(NotificationSent.class),
        @JsonSubTypes.Type(NotificationDelivered.class),
        @JsonSubTypes.Type(NotificationFailed.class)})
public interface DeliveryEvent extends Event {

    String pauseId();

    String developerId();

    boolean livemode();

    /** {@code sms}, {@code email} or {@code slack}. */
    String channel();

    /**
     * Which of the pause's notifications: 0 the first, then 1, 2, ... for its reminders and escalation steps
     * in the order they were due. Written only when not 0, so an event about a first notification reads and
     * writes as before the pause could have several, and an event without it is about the first.
     */
    Integer notification();

    @Override
    default String topic() {
        return Topics.DELIVERY_EVENTS;
    }

    @Override
    default String key() {
        return pauseId();
    }
}
