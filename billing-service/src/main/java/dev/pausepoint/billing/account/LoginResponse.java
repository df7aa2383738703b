package dev.pausepoint.billing.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

public record LoginResponse(String developerId, String sessionToken, Instant expiresAt, @Schema(allowableValues = {"free", "starter", "pro", "enterprise"}) String plan) {
}
