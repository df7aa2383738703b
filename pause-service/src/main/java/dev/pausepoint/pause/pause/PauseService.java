package dev.pausepoint.pause.pause;

import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.outbox.Outbox;
import dev.pausepoint.kit.plan.Plan;
import dev.pausepoint.kit.plan.PlanCatalog;
import dev.pausepoint.kit.validation.SmsCountryCodes;
import dev.pausepoint.kit.token.ResponseTokenCodec;
import dev.pausepoint.pause.idempotency.IdempotencyKeys;
import dev.pausepoint.pause.quota.QuotaClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lifecycle of a pause as the developer drives it: create, read, list, cancel. Checks run in the
 * documented order (validation, then the plan's channels, then the quota; docs/api-reference.md, "Pauses")
 * so a refused request consumes nothing; the state change and its event commit together through the outbox.
 */
@Service
public class PauseService {

    private final PauseRepository pauses;
    private final QuotaClient quota;
    private final IdempotencyKeys idempotencyKeys;
    private final PauseRequestParser parser;
    private final PlanCatalog plans;
    private final ResponseTokenCodec tokens;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final String publicBaseUrl;
    private final int absoluteMaxTimeoutHours;

    public PauseService(PauseRepository pauses, QuotaClient quota, IdempotencyKeys idempotencyKeys,
            PauseProperties properties, PlanCatalog plans,
            ResponseTokenCodec tokens, Outbox outbox, TransactionTemplate transactions, JsonMapper json, Clock clock,
            @Value("${pausepoint.public-base-url}") String publicBaseUrl) {
        this.pauses = pauses;
        this.quota = quota;
        this.idempotencyKeys = idempotencyKeys;
        this.parser = new PauseRequestParser(properties.slackHosts(),
                SmsCountryCodes.of(properties.smsAllowedCountryCodes()));
        this.plans = plans;
        this.tokens = tokens;
        this.outbox = outbox;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.absoluteMaxTimeoutHours = properties.absoluteMaxTimeoutHours();
    }

    public CreatedPause create(CallerIdentity caller, JsonNode body, String idempotencyKey) {
        caller.requireAuthenticated();
        IdempotencyKeys.check(idempotencyKey);
        String requestHash = idempotencyKey == null ? null : idempotencyKeys.hash(body);
        if (idempotencyKey != null) {
            Optional<IdempotencyKeys.Stored> stored = idempotencyKeys.find(caller, idempotencyKey, clock.instant());
            if (stored.isPresent()) {
                return json.readValue(IdempotencyKeys.replay(stored.get(), requestHash), CreatedPause.class);
            }
        }
        NewPause input = parser.parse(body);
        Plan plan = plans.find(caller.plan()).orElseGet(() -> plans.get(PlanCatalog.FREE));
        if (!plan.channels().contains(input.channel())) {
            throw new ChannelNotAllowedException(input.channel(), plan.name(),
                    plans.cheapestWith(input.channel()).map(Plan::name).orElse(null));
        }
        int hours = Math.min(input.timeoutHours(),
                plan.maxTimeoutHours() == null ? absoluteMaxTimeoutHours : plan.maxTimeoutHours());
        Instant now = EventIds.now(clock);
        Pause pause = new Pause("psr_" + UUID.randomUUID(), caller.developerId(), caller.livemode(), PauseStatus.PENDING,
                input.channel(), input.recipient(), input.message(), input.options(), input.allowTextResponse(),
                input.timeoutDefault(), input.metadata(), now, now.plus(Duration.ofHours(hours)), null, null, null, null,
                new Pause.Delivery("queued", 0, null, null, null));
        String respondUrl = publicBaseUrl + "/respond/" + tokens.issue(pause.id(), pause.expiresAt());
        // Test pauses never count (docs/api-reference.md, "Test mode"); live ones take their slot before
        // they exist.
        if (pause.livemode()) {
            quota.reserve(pause.developerId(), pause.id());
        }
        CreatedPause created = new CreatedPause(pause.id(), PauseStatus.PENDING.wire(), respondUrl, pause.expiresAt(),
                now, pause.livemode());
        boolean stored;
        try {
            stored = Boolean.TRUE.equals(transactions.execute(status -> {
                // The key first: a concurrent request with it waits here until this one commits.
                if (idempotencyKey != null && !idempotencyKeys.claim(caller, idempotencyKey, requestHash, pause.id(),
                        json.writeValueAsString(created), now)) {
                    status.setRollbackOnly();
                    return false;
                }
                pauses.insert(pause);
                outbox.publish(new PauseCreated(EventIds.newEventId(), now, Event.SCHEMA_VERSION, pause.id(),
                        pause.developerId(), pause.livemode(), pause.channel(), pause.recipient(), pause.message(),
                        pause.options(), pause.allowTextResponse(), pause.timeoutDefault(), metadataOf(pause),
                        respondUrl, pause.expiresAt(), caller.clientIp()));
                return true;
            }));
        } catch (RuntimeException e) {
            if (pause.livemode()) {
                quota.releaseQuietly(pause.id());
            }
            throw e;
        }
        if (!stored) {
            // Another request with this key won; this one's slot goes back and its answer is the winner's.
            if (pause.livemode()) {
                quota.releaseQuietly(pause.id());
            }
            IdempotencyKeys.Stored winner = idempotencyKeys.find(caller, idempotencyKey, clock.instant())
                    .orElseThrow(() -> new IllegalStateException("idempotency key vanished: " + idempotencyKey));
            return json.readValue(IdempotencyKeys.replay(winner, requestHash), CreatedPause.class);
        }
        return created;
    }

    /** Any developer's pause, for internal callers that hold a verified token for it. */
    public Optional<Pause> find(String pauseId) {
        return pauses.find(pauseId);
    }

    public PauseView get(CallerIdentity caller, String pauseId) {
        caller.requireAuthenticated();
        return pauses.find(pauseId, caller.developerId(), caller.livemode()).map(PauseView::of)
                .orElseThrow(() -> new PauseNotFoundException(pauseId));
    }

    public PausePage list(CallerIdentity caller, String status, int limit, int offset) {
        caller.requireAuthenticated();
        PauseStatus filter = null;
        if (status != null) {
            filter = PauseStatus.fromWire(status).orElseThrow(() -> new ValidationException(
                    "status", "must be one of pending, responded, timed_out, cancelled"));
        }
        if (limit < 1 || limit > 100) {
            throw new ValidationException("limit", "must be between 1 and 100");
        }
        if (offset < 0) {
            throw new ValidationException("offset", "must be at least 0");
        }
        List<Pause> rows = pauses.list(caller.developerId(), caller.livemode(), filter, limit + 1, offset);
        boolean more = rows.size() > limit;
        return new PausePage(rows.stream().limit(limit).map(PauseView::of).toList(), limit, offset, more);
    }

    public PauseView cancel(CallerIdentity caller, String pauseId) {
        caller.requireAuthenticated();
        Instant precise = clock.instant();
        Instant now = EventIds.now(clock);
        return transactions.execute(status -> {
            Pause cancelled = pauses.cancel(pauseId, caller.developerId(), caller.livemode(), precise).orElseThrow(() -> {
                Pause current = pauses.find(pauseId, caller.developerId(), caller.livemode())
                        .orElseThrow(() -> new PauseNotFoundException(pauseId));
                // Pending past its expiry: it has timed out, the sweeper just has not written it yet.
                return new PauseAlreadyFinishedException(pauseId,
                        current.status() == PauseStatus.PENDING ? PauseStatus.TIMED_OUT : current.status());
            });
            pauses.notifyChanged(List.of(cancelled.id()));
            outbox.publish(new PauseCancelled(EventIds.newEventId(), now, Event.SCHEMA_VERSION, cancelled.id(),
                    cancelled.developerId(), cancelled.livemode(), now, metadataOf(cancelled), caller.clientIp()));
            return PauseView.of(cancelled);
        });
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> metadataOf(Pause pause) {
        return pause.metadata() == null ? null : json.convertValue(pause.metadata(), Map.class);
    }
}
