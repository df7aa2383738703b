package dev.pausepoint.client;

/** The answer to {@link PausePointClient#register}: both API keys in plaintext, shown this once. */
public record Registration(String developerId, String apiKey, String testApiKey, String plan, String message) {
}
