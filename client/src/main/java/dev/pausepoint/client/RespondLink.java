package dev.pausepoint.client;

import java.time.Instant;
import java.util.List;

/** A pause as its response link shows it ({@code GET /v1/respond/{token}}): pending or cancelled. */
public record RespondLink(String pauseId, String message, List<String> options, boolean allowTextResponse,
        PauseStatus status, Instant expiresAt) {
}
