package dev.pausepoint.billing.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v1/auth/me}. Each key's {@code *_created_at} is when the current key of that mode was issued:
 * at registration, or by the mode's latest rotation.
 */
public record MeResponse(String developerId, String email, String name, @Schema(allowableValues = {"free", "starter", "pro", "enterprise"}) String plan, String apiKeyPrefix,
        String testApiKeyPrefix, Instant apiKeyCreatedAt, Instant testApiKeyCreatedAt, Usage usage,
        Instant createdAt) {

    /** The current calendar month (UTC), {@code period_end} exclusive; a null limit is unlimited. */
    public record Usage(Instant periodStart, Instant periodEnd, int pausesUsed, @Nullable Integer pausesLimit) {
    }
}
