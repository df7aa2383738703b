package dev.pausepoint.billing.credential;

import java.time.Instant;

public record RotateKeyResponse(String keyType, String apiKey, String apiKeyPrefix, Instant rotatedAt) {
}
