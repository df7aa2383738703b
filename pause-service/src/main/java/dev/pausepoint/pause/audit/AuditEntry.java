package dev.pausepoint.pause.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One line of the audit log as the API shows it (docs/api-reference.md, "Audit log"). */
public record AuditEntry(String id, String developerId, @Nullable String pauseRequestId, String eventType,
        @Schema(allowableValues = {"developer", "human", "system"}) String actor,
        @Schema(types = "object") JsonNode detail, @Nullable String ip, Instant createdAt) {
}
