package dev.pausepoint.billing.account;

import io.swagger.v3.oas.annotations.media.Schema;

/** The only time the keys are ever shown. */
public record RegisterResponse(String developerId, String apiKey, String testApiKey, @Schema(allowableValues = "free") String plan, String message) {
}
