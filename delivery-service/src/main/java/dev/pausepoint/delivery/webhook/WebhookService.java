package dev.pausepoint.delivery.webhook;

import dev.pausepoint.delivery.outbound.OutboundGuard;
import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.events.pause.PauseEscalated;
import dev.pausepoint.events.pause.PauseReminded;
import dev.pausepoint.events.pause.PauseResponded;
import dev.pausepoint.events.pause.PauseTimedOut;
import dev.pausepoint.events.webhook.WebhookCreated;
import dev.pausepoint.events.webhook.WebhookDeleted;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.lifecycle.AfterCommit;
import dev.pausepoint.kit.outbox.Outbox;
import dev.pausepoint.kit.tracing.Spans;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Registration and removal of endpoints, with their audit events in the same transaction (outbox).
 * A URL is refused at registration when it is not https or any address of its host is not public;
 * the same guard runs again at every delivery, since DNS can change after registration.
 */
@Service
public class WebhookService {

    /**
     * The events an endpoint gets when it names none: the three outcomes, as before a pause could send
     * follow-ups, so an existing endpoint sees nothing new (docs/api-decisions.md, "Reminders and escalation").
     */
    public static final List<String> EVENTS = List.of(PauseResponded.TYPE, PauseTimedOut.TYPE, PauseCancelled.TYPE);
    /** Every event an endpoint can ask for, in the order the API returns them (docs/api-reference.md, "Webhooks"). */
    public static final List<String> SUBSCRIBABLE = List.of(PauseResponded.TYPE, PauseTimedOut.TYPE,
            PauseCancelled.TYPE, PauseReminded.TYPE, PauseEscalated.TYPE);
    /** The event {@code POST /v1/webhooks/{id}/test} sends: asked for, so no subscription filters it. */
    public static final String TEST_EVENT = "webhook.test";
    /** Endpoints per developer and world: every event fans out to each, so the fan-out is bounded. */
    static final int MAX_ENDPOINTS = 20;

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookSecretBox secrets;
    private final OutboundGuard guard;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final WebhookWorker worker;
    private final Spans spans;

    public WebhookService(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
            WebhookSecretBox secrets, OutboundGuard guard, Outbox outbox, TransactionTemplate transactions,
            Clock clock, WebhookWorker worker, Spans spans) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.guard = guard;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.worker = worker;
        this.spans = spans;
    }

    /** The URL check (DNS) runs before the transaction, so no connection waits on a resolver. */
    public WebhookView create(CallerIdentity caller, JsonNode body) {
        caller.requireAuthenticated();
        CreateWebhookRequest request = CreateWebhookRequest.read(body, guard);
        return transactions.execute(status -> register(caller, request));
    }

    private WebhookView register(CallerIdentity caller, CreateWebhookRequest request) {
        if (endpoints.lockAndCountActive(caller.developerId(), caller.livemode()) >= MAX_ENDPOINTS) {
            throw new ValidationException("url", "cannot be added: at most " + MAX_ENDPOINTS
                    + " webhook endpoints per mode; delete one first");
        }
        String webhookId = "whk_" + UUID.randomUUID();
        Instant now = EventIds.now(clock);
        endpoints.insert(webhookId, caller.developerId(), caller.livemode(), request.url(), request.events(),
                secrets.seal(webhookId, request.secret()), now);
        outbox.publish(new WebhookCreated(EventIds.newEventId(), now, Event.SCHEMA_VERSION, caller.developerId(),
                caller.livemode(), webhookId, request.url(), request.events(), caller.clientIp()));
        return new WebhookView(webhookId, request.url(), request.events(), now);
    }

    public List<WebhookView> list(CallerIdentity caller) {
        caller.requireAuthenticated();
        return endpoints.list(caller.developerId(), caller.livemode());
    }

    @Transactional
    public void delete(CallerIdentity caller, String webhookId) {
        caller.requireAuthenticated();
        Instant now = EventIds.now(clock);
        if (!endpoints.delete(webhookId, caller.developerId(), caller.livemode(), now)) {
            throw notFound(webhookId);
        }
        deliveries.giveUpPending(webhookId);
        outbox.publish(new WebhookDeleted(EventIds.newEventId(), now, Event.SCHEMA_VERSION, caller.developerId(),
                caller.livemode(), webhookId, caller.clientIp()));
    }

    public List<DeliveryAttemptView> deliveries(CallerIdentity caller, String webhookId, int limit) {
        caller.requireAuthenticated();
        if (limit < 1 || limit > 100) {
            throw new ValidationException("limit", "must be between 1 and 100");
        }
        endpoints.find(webhookId, caller.developerId(), caller.livemode()).orElseThrow(() -> notFound(webhookId));
        return deliveries.attempts(webhookId, limit);
    }

    /**
     * Queues one {@code webhook.test} event for the endpoint, as a delivery like any other: the worker signs
     * and posts it, retries it on the schedule and logs its attempts. The endpoint's lock serialises its
     * tests: a test not posted yet refuses the next one (429), and a test waiting for a retry is given up in
     * favour of the new one, so each endpoint has at most one test pending and a developer who fixed the
     * receiver sees the new test at once instead of waiting for the old one's retry.
     */
    @Transactional
    public WebhookTestView sendTest(CallerIdentity caller, String webhookId) {
        caller.requireAuthenticated();
        if (!endpoints.lockActive(webhookId, caller.developerId(), caller.livemode())) {
            throw notFound(webhookId);
        }
        if (deliveries.hasUnpostedTest(webhookId)) {
            throw new TestEventPendingException(webhookId);
        }
        deliveries.giveUpRetryingTests(webhookId);
        String deliveryId = "wdl_" + UUID.randomUUID();
        String eventId = EventIds.newEventId();
        String noPause = null;
        deliveries.insert(deliveryId, webhookId, eventId, TEST_EVENT, noPause, WebhookData.test(), EventIds.now(clock),
                spans.current());
        AfterCommit.run(worker::wake);
        return new WebhookTestView(deliveryId, eventId, TEST_EVENT);
    }

    /**
     * The attempts to post {@code pauseId}'s events to the caller's endpoints, oldest first, at most the
     * {@code limit} newest; none for another developer's pause or the other world's.
     */
    public List<EndpointAttemptView> attemptsOfPause(CallerIdentity caller, String pauseId, int limit) {
        caller.requireAuthenticated();
        return deliveries.attemptsOfPause(pauseId, caller.developerId(), caller.livemode(), limit);
    }

    private static ApiException notFound(String webhookId) {
        return new ApiException(ErrorCode.WEBHOOK_NOT_FOUND, "No webhook " + webhookId + ".");
    }
}
