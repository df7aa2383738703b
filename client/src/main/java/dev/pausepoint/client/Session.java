package dev.pausepoint.client;

import java.time.Instant;

/** The answer to {@link PausePointClient#login}: a session token ({@code pps_...}) valid until {@code expiresAt}. */
public record Session(String developerId, String sessionToken, Instant expiresAt, String plan) {
}
