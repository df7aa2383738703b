package dev.pausepoint.client;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One append-only audit entry. {@code pauseRequestId} is null for entries not about a pause, {@code ip}
 * null when the system acted.
 */
public record AuditEntry(String id, String developerId, String pauseRequestId, String eventType, String actor,
        JsonNode detail, String ip, Instant createdAt) {
}
