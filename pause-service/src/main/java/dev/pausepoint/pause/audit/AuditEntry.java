package dev.pausepoint.pause.audit;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One line of the audit log as the API shows it (docs/api-reference.md, "Audit log"). */
public record AuditEntry(String id, String developerId, String pauseRequestId, String eventType, String actor,
        JsonNode detail, String ip, Instant createdAt) {
}
