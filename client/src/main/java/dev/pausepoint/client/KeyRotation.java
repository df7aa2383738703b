package dev.pausepoint.client;

import java.time.Instant;

/** A new API key of {@code keyType}, in plaintext this once; the previous key of that mode is revoked. */
public record KeyRotation(Mode keyType, String apiKey, String apiKeyPrefix, Instant rotatedAt) {
}
