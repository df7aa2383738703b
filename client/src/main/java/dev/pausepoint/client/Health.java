package dev.pausepoint.client;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /health}: {@code status} {@code ok} or {@code degraded}, each service {@code ok} or
 * {@code down}; {@code instances} only when a service runs as several instances, else null.
 */
public record Health(String status, Map<String, String> services, JsonNode instances) {

    public boolean isOk() {
        return "ok".equals(status);
    }
}
