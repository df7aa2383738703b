package dev.pausepoint.billing.subscription;

import java.time.Instant;

/**
 * {@code GET /v1/billing/subscription}: the developer's plan, and their latest Paddle subscription
 * ({@code status} and the rest null for a developer who never subscribed). {@code planEndsAt} is when a
 * canceled or paused subscription's paid time ends and the plan goes with it.
 */
public record SubscriptionView(String plan, String status, Instant currentPeriodEnd, String scheduledChange,
        Instant scheduledChangeAt, Instant planEndsAt, String paddleSubscriptionId, String paddleCustomerId) {

    /** A developer on {@code plan} who has never subscribed. */
    static SubscriptionView withoutSubscription(String plan) {
        return new SubscriptionView(plan, null, null, null, null, null, null, null);
    }

    /** The developer's {@code plan} and their latest subscription as Paddle last described it. */
    static SubscriptionView of(String plan, Subscription s) {
        return new SubscriptionView(plan, s.status(), s.currentPeriodEnd(), s.scheduledChange(), s.scheduledChangeAt(),
                s.entitledUntil(), s.paddleSubscriptionId(), s.paddleCustomerId());
    }
}
