package dev.pausepoint.billing.account;

import java.time.Instant;

public record MeResponse(String developerId, String email, String name, String plan, String apiKeyPrefix,
        String testApiKeyPrefix, Usage usage, Instant createdAt) {

    /** The current calendar month (UTC), {@code period_end} exclusive; a null limit is unlimited. */
    public record Usage(Instant periodStart, Instant periodEnd, int pausesUsed, Integer pausesLimit) {
    }
}
