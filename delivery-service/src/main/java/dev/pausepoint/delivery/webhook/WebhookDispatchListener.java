package dev.pausepoint.delivery.webhook;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.events.pause.PauseEscalated;
import dev.pausepoint.events.pause.PauseReminded;
import dev.pausepoint.events.pause.PauseEvent;
import dev.pausepoint.events.pause.PauseResponded;
import dev.pausepoint.events.pause.PauseTimedOut;
import dev.pausepoint.kit.kafka.EventBatches;
import dev.pausepoint.kit.lifecycle.AfterCommit;
import dev.pausepoint.kit.outbox.ProcessedEvents;
import dev.pausepoint.kit.tracing.Spans;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns a pause's outcome, or one of its follow-up messages, into one delivery per subscribed endpoint of
 * its developer and world. It only records the work, in one transaction with the processed-event mark, so
 * a replayed event adds nothing and a slow endpoint never holds up the Kafka poll; the worker posts.
 */
@Component
public class WebhookDispatchListener {

    static final String CONSUMER = "delivery-webhooks";

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final ProcessedEvents processed;
    private final WebhookWorker worker;
    private final Clock clock;
    private final EventBatches batches;
    private final Spans spans;

    public WebhookDispatchListener(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
            ProcessedEvents processed, WebhookWorker worker, Clock clock, EventBatches batches, Spans spans) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.processed = processed;
        this.worker = worker;
        this.clock = clock;
        this.batches = batches;
        this.spans = spans;
    }

    @KafkaListener(id = "delivery-webhooks", topics = Topics.PAUSE_EVENTS, groupId = "delivery-service-webhooks",
            batch = "true")
    public void on(List<ConsumerRecord<String, Event>> records) {
        batches.apply(records, event -> outcomeOf(event) != null, this::apply);
    }

    private void apply(Event event) {
        Outcome outcome = outcomeOf(event);
        if (outcome == null || !processed.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        PauseEvent pause = (PauseEvent) event;
        List<String> subscribers = endpoints.subscribers(pause.developerId(), pause.livemode(), outcome.event());
        Instant now = clock.instant();
        for (String webhookId : subscribers) {
            deliveries.insert("wdl_" + UUID.randomUUID(), webhookId, event.eventId(), outcome.event(), pause.pauseId(),
                    outcome.data(), now, spans.current());
        }
        if (!subscribers.isEmpty()) {
            AfterCommit.run(worker::wake);
        }
    }

    record Outcome(String event, PayloadData data) {
    }

    /** The webhook event name and payload data of the events that fire webhooks; null for others. */
    static Outcome outcomeOf(Event event) {
        if (event instanceof PauseResponded e) {
            return new Outcome(PauseResponded.TYPE,
                    WebhookData.responded(e.choice(), e.text(), e.responseAt(), e.metadata()));
        }
        if (event instanceof PauseTimedOut e) {
            return new Outcome(PauseTimedOut.TYPE, WebhookData.timedOut(e.choice(), e.timedOutAt(), e.metadata()));
        }
        if (event instanceof PauseCancelled e) {
            return new Outcome(PauseCancelled.TYPE, WebhookData.cancelled(e.metadata()));
        }
        if (event instanceof PauseReminded e) {
            return new Outcome(PauseReminded.TYPE, FollowUpData.of(e));
        }
        if (event instanceof PauseEscalated e) {
            return new Outcome(PauseEscalated.TYPE, FollowUpData.of(e));
        }
        return null;
    }
}
