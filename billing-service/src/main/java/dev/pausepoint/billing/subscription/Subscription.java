package dev.pausepoint.billing.subscription;

import java.time.Instant;

/** One Paddle subscription as last described by Paddle, and until when it entitles its developer to {@code plan}. */
public record Subscription(String paddleSubscriptionId, String developerId, String paddleCustomerId, String status,
        String plan, String priceId, Instant currentPeriodEnd, String scheduledChange, Instant scheduledChangeAt,
        Instant entitledUntil, Instant lastEventAt, Instant updatedAt) {
}
