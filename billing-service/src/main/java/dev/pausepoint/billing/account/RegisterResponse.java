package dev.pausepoint.billing.account;

/** The only time the keys are ever shown. */
public record RegisterResponse(String developerId, String apiKey, String testApiKey, String plan, String message) {
}
