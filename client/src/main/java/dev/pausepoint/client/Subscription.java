package dev.pausepoint.client;

import java.time.Instant;

/** The developer's latest Paddle subscription; every field but {@code plan} null without one. */
public record Subscription(String plan, String status, Instant currentPeriodEnd, String scheduledChange,
        Instant scheduledChangeAt, Instant planEndsAt, String paddleSubscriptionId, String paddleCustomerId) {
}
