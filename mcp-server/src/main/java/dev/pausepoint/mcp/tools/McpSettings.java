package dev.pausepoint.mcp.tools;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The settings both modes share, read by name from the environment (or, in the HTTP mode, from Spring's
 * environment, which also sees the variables), so stdio and HTTP are configured the same way
 * (docs/mcp.md, "Configuration").
 *
 * @param apiUrl the public API, normally the gateway ({@code PAUSEPOINT_URL})
 * @param defaultWait how long a waiting tool waits when the model gives no {@code max_wait_seconds}
 *     ({@code PAUSEPOINT_MCP_DEFAULT_WAIT}): under the 60 s after which common MCP clients give up on a call
 * @param maxWait the most a waiting tool may wait, whatever the model asks ({@code PAUSEPOINT_MCP_MAX_WAIT})
 * @param progressInterval how often a waiting call reports progress and checks that its caller is still there
 *     ({@code PAUSEPOINT_MCP_PROGRESS_INTERVAL})
 * @param agentName the {@code agent_name} of an {@code ask_human} whose model names none
 *     ({@code PAUSEPOINT_AGENT_NAME}); null to use the MCP client's own name ({@link AgentName})
 */
public record McpSettings(URI apiUrl, Duration defaultWait, Duration maxWait, Duration progressInterval,
        String agentName) {

    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(50);
    public static final Duration MAX_WAIT = Duration.ofMinutes(10);
    public static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

    public McpSettings {
        if (defaultWait.isNegative() || maxWait.isNegative() || defaultWait.compareTo(maxWait) > 0) {
            throw new IllegalArgumentException("PAUSEPOINT_MCP_DEFAULT_WAIT (" + defaultWait
                    + ") must be between 0 and PAUSEPOINT_MCP_MAX_WAIT (" + maxWait + ")");
        }
        if (progressInterval.isZero() || progressInterval.isNegative()) {
            throw new IllegalArgumentException("PAUSEPOINT_MCP_PROGRESS_INTERVAL must be positive");
        }
    }

    /** Reads every setting by its variable name; durations as {@code 50s}, {@code 10m} or ISO-8601 ({@code PT50S}). */
    public static McpSettings from(Function<String, String> variables) {
        String url = variables.apply("PAUSEPOINT_URL");
        return new McpSettings(URI.create(url == null || url.isBlank() ? "http://localhost:8080" : url.trim()),
                duration(variables, "PAUSEPOINT_MCP_DEFAULT_WAIT", DEFAULT_WAIT),
                duration(variables, "PAUSEPOINT_MCP_MAX_WAIT", MAX_WAIT),
                duration(variables, "PAUSEPOINT_MCP_PROGRESS_INTERVAL", PROGRESS_INTERVAL),
                AgentName.configured(variables.apply("PAUSEPOINT_AGENT_NAME"), "PAUSEPOINT_AGENT_NAME"));
    }

    /** The wait for one call: what the model asked for, or the default, never more than the maximum. */
    public Duration waitFor(Integer requestedSeconds) {
        if (requestedSeconds == null) {
            return defaultWait;
        }
        Duration requested = Duration.ofSeconds(Math.max(0, requestedSeconds));
        return requested.compareTo(maxWait) > 0 ? maxWait : requested;
    }

    static Duration duration(Function<String, String> variables, String name, Duration fallback) {
        String value = variables.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.trim().toLowerCase();
        try {
            if (text.startsWith("pt") || text.startsWith("p")) {
                return Duration.parse(text.toUpperCase());
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(name + " is not a duration such as 50s, 10m or PT50S: " + value, e);
        }
    }
}
