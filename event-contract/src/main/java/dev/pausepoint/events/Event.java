package dev.pausepoint.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.pausepoint.events.account.AccountEvent;
import dev.pausepoint.events.delivery.DeliveryEvent;
import dev.pausepoint.events.pause.PauseEvent;
import dev.pausepoint.events.webhook.WebhookEvent;
import java.time.Instant;

/**
 * A fact one service tells the others. Every event carries {@code event_id} (consumers use it to act
 * once), {@code type} (an explicit wire name, never a class name), {@code occurred_at}, the id of the
 * aggregate it is about, and {@code schema_version}. A change that breaks a golden fixture needs a new
 * topic version; adding a field does not, because readers ignore fields they do not know.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(PauseEvent.class),
        @JsonSubTypes.Type(DeliveryEvent.class),
        @JsonSubTypes.Type(AccountEvent.class),
        @JsonSubTypes.Type(WebhookEvent.class)})
public interface Event {

    int SCHEMA_VERSION = 1;

    String eventId();

    Instant occurredAt();

    int schemaVersion();

    /** The Kafka topic this event belongs to. */
    String topic();

    /** The record key: the aggregate id, so that events about one aggregate stay in order. */
    String key();
}
