package dev.pausepoint.mcp.tools;

import dev.pausepoint.client.PausePointConnectionException;
import dev.pausepoint.client.PausePointException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every tool answers in one shape: {@code structuredContent} and the same JSON as the text of {@code content[0]}
 * (clients that show only text see everything). A refusal is a result with {@code isError: true} whose text
 * starts with the API's error code, never a protocol error, so the model reads why and can correct itself.
 */
final class ToolResults {

    private final McpJsonMapper json;

    ToolResults(McpJsonMapper json) {
        this.json = json;
    }

    CallToolResult success(Map<String, Object> structured) {
        return CallToolResult.builder().addTextContent(write(structured)).structuredContent(structured)
                .isError(false).build();
    }

    /** A refusal from the API, a connection failure, or arguments the tool could not read. */
    CallToolResult failure(Throwable failure) {
        if (failure instanceof PausePointConnectionException unreachable) {
            return error("SERVICE_UNAVAILABLE", 503, "PausePoint could not be reached (" + unreachable.getMessage()
                    + "). Nothing may have been created; try the same call again in a minute.");
        }
        if (failure instanceof PausePointException refused) {
            String code = refused.code() == null ? "HTTP_" + refused.status() : refused.code();
            return error(code, refused.status(), refused.getMessage());
        }
        if (failure instanceof InvalidArgumentsException invalid) {
            return error("VALIDATION_ERROR", 422, invalid.getMessage());
        }
        throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    private CallToolResult error(String code, int status, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("status", status);
        error.put("message", message);
        Map<String, Object> structured = Map.of("error", error);
        return CallToolResult.builder().addTextContent(code + ": " + message).structuredContent(structured)
                .isError(true).build();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a tool result could not be written as JSON", e);
        }
    }
}
