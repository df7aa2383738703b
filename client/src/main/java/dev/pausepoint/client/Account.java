package dev.pausepoint.client;

import java.time.Instant;

/** The caller's account ({@code GET /v1/auth/me}); key prefixes only, never a key. */
public record Account(String developerId, String email, String name, String plan, String apiKeyPrefix,
        String testApiKeyPrefix, Instant apiKeyCreatedAt, Instant testApiKeyCreatedAt, Usage usage,
        Instant createdAt) {

    /**
     * This calendar month in UTC ({@code periodEnd} exclusive); {@code pausesLimit} is null on an
     * unlimited plan.
     */
    public record Usage(Instant periodStart, Instant periodEnd, long pausesUsed, Long pausesLimit) {
    }
}
