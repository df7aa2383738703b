package dev.pausepoint.billing.account;

import java.time.Instant;

public record LoginResponse(String developerId, String sessionToken, Instant expiresAt, String plan) {
}
