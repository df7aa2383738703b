package dev.pausepoint.client;

import java.time.Instant;

/** The answer recorded through a response link. */
public record RespondResult(String pauseId, PauseStatus status, String choice, Instant responseAt) {
}
