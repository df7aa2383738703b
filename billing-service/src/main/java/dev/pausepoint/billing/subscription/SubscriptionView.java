package dev.pausepoint.billing.subscription;

import java.time.Instant;

/**
 * {@code GET /v1/billing/subscription}: the developer's plan, and their latest Paddle subscription
 * ({@code status} and the rest null for a developer who never subscribed). {@code planEndsAt} is when a
 * canceled or paused subscription's paid time ends and the plan goes with it.
 */
public record SubscriptionView(String plan, String status, Instant currentPeriodEnd, String scheduledChange,
        Instant scheduledChangeAt, Instant planEndsAt, String paddleSubscriptionId, String paddleCustomerId) {
}
