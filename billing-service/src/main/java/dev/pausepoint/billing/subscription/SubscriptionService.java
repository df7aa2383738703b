package dev.pausepoint.billing.subscription;

import dev.pausepoint.billing.account.DeveloperRepository;
import dev.pausepoint.billing.subscription.PaddleEvent.SubscriptionState;
import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.events.account.PlanChanged;
import dev.pausepoint.kit.outbox.Outbox;
import dev.pausepoint.kit.plan.PlanCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns Paddle's subscription events into the developer's plan. Each event is handled once (by event
 * id) and in order per subscription (an event older than the last one applied changes nothing). The
 * plan is then derived from all the developer's subscriptions: the best plan any of them still
 * entitles them to, free when none does. A change of plan and its {@code PlanChanged} are written in the
 * same transaction; the gateway drops the developer's cached keys on that event, so the next pause is
 * created under the new plan.
 */
@Service
public class SubscriptionService {

    /** What became of a notification; returned to Paddle and kept with the event id. */
    public enum Outcome {
        APPLIED, DUPLICATE, STALE, IGNORED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);
    private static final Set<String> COLLECTING = Set.of("active", "trialing", "past_due");

    private final SubscriptionRepository subscriptions;
    private final DeveloperRepository developers;
    private final PaddleProperties paddle;
    private final PlanCatalog plans;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SubscriptionService(SubscriptionRepository subscriptions, DeveloperRepository developers,
            PaddleProperties paddle, PlanCatalog plans, Outbox outbox, TransactionTemplate transactions, Clock clock) {
        this.subscriptions = subscriptions;
        this.developers = developers;
        this.paddle = paddle;
        this.plans = plans;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Outcome apply(PaddleEvent event) {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            if (!subscriptions.firstReceipt(event, now)) {
                return Outcome.DUPLICATE;
            }
            Outcome outcome = handle(event, now);
            subscriptions.recordOutcome(event.eventId(), outcome.wire());
            return outcome;
        });
    }

    private Outcome handle(PaddleEvent event, Instant now) {
        SubscriptionState state = event.subscription();
        if (state == null) {
            return Outcome.IGNORED;
        }
        subscriptions.lock(state.id());
        Optional<Subscription> existing = subscriptions.find(state.id());
        if (existing.isPresent() && event.occurredAt().isBefore(existing.get().lastEventAt())) {
            log.info("Paddle event {} ({}) is older than the last one applied to {}; ignored", event.eventId(),
                    event.eventType(), state.id());
            return Outcome.STALE;
        }
        String developerId = state.developerId() != null ? state.developerId()
                : existing.map(Subscription::developerId).orElse(null);
        if (developerId == null || developers.lockPlan(developerId).isEmpty()) {
            log.warn("Paddle event {} for {} names no known developer (custom_data.developer_id {}); ignored",
                    event.eventId(), state.id(), state.developerId());
            return Outcome.IGNORED;
        }
        Optional<String> plan = paddle.planOf(state.priceId());
        if (plan.isEmpty()) {
            log.warn("Paddle event {} for {} has price {}, which no plan is configured with; ignored", event.eventId(),
                    state.id(), state.priceId());
            return Outcome.IGNORED;
        }
        Instant periodEnd = latest(state.periodEnd(), existing.map(Subscription::currentPeriodEnd).orElse(null));
        // Canceled or paused: the developer keeps the plan for the time already paid for.
        Instant entitledUntil = COLLECTING.contains(state.status()) || periodEnd == null || !periodEnd.isAfter(now)
                ? null : periodEnd;
        subscriptions.save(new Subscription(state.id(), developerId,
                state.customerId() != null ? state.customerId() : existing.map(Subscription::paddleCustomerId).orElse(null),
                state.status(), plan.get(), state.priceId(), periodEnd, state.scheduledChange(),
                state.scheduledChangeAt(), entitledUntil, event.occurredAt(), now));
        settlePlan(developerId, now);
        return Outcome.APPLIED;
    }

    /** The developer's plan and their most recent subscription; 503 on an instance that sells nothing. */
    public SubscriptionView view(String developerId) {
        paddle.requireConfigured();
        String plan = developers.findById(developerId)
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_API_KEY, "Unknown developer.")).plan();
        return subscriptions.latestOf(developerId)
                .map(s -> SubscriptionView.of(plan, s))
                .orElseGet(() -> SubscriptionView.withoutSubscription(plan));
    }

    /**
     * Ends the paid time of canceled and paused subscriptions that reached it, and settles their
     * developers' plans; returns how many ended. Safe on every instance at once.
     */
    public int endPaidTime(int batchSize) {
        Instant now = clock.instant();
        Integer ended = transactions.execute(status -> {
            List<String> developerIds = subscriptions.endEntitlements(now, batchSize);
            developerIds.stream().distinct().sorted().forEach(developerId -> settlePlan(developerId, now));
            return developerIds.size();
        });
        return ended == null ? 0 : ended;
    }

    /** Sets the developer's plan to what their subscriptions entitle them to now, announcing a change. */
    private void settlePlan(String developerId, Instant now) {
        String current = developers.lockPlan(developerId).orElseThrow();
        String entitled = best(subscriptions.entitledPlans(developerId, now));
        if (!entitled.equals(current)) {
            developers.updatePlan(developerId, entitled);
            outbox.publish(new PlanChanged(EventIds.newEventId(), EventIds.now(clock), Event.SCHEMA_VERSION, developerId,
                    current, entitled));
            log.info("Developer {} moved from {} to {}", developerId, current, entitled);
        }
    }

    /** The highest of {@code candidates} in the catalogue's order (cheapest first); free when there is none. */
    private String best(List<String> candidates) {
        List<String> order = List.copyOf(plans.all().keySet());
        return candidates.stream().filter(order::contains).max(Comparator.comparingInt(order::indexOf))
                .orElse(PlanCatalog.FREE);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
