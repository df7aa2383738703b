package dev.pausepoint.billing.credential;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

public record RotateKeyResponse(@Schema(allowableValues = {"live", "test"}) String keyType, String apiKey, String apiKeyPrefix, Instant rotatedAt) {
}
