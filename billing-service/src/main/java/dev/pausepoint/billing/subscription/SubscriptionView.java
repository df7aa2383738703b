package dev.pausepoint.billing.subscription;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v1/billing/subscription}: the developer's plan, and their latest Paddle subscription
 * ({@code status} and the rest null for a developer who never subscribed). {@code planEndsAt} is when a
 * canceled or paused subscription's paid time ends and the plan goes with it.
 */
public record SubscriptionView(@Schema(allowableValues = {"free", "starter", "pro", "enterprise"}) String plan, @Nullable String status, @Nullable Instant currentPeriodEnd,
        @Nullable String scheduledChange, @Nullable Instant scheduledChangeAt, @Nullable Instant planEndsAt,
        @Nullable String paddleSubscriptionId, @Nullable String paddleCustomerId) {

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
