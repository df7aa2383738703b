package dev.pausepoint.mcp.tools;

import dev.pausepoint.mcp.McpServerInfo;
import io.modelcontextprotocol.spec.McpSchema.Implementation;

/**
 * Who the human is told is asking when the model names no {@code agent_name} (docs/mcp.md, "Who is asking"):
 * the operator's {@code PAUSEPOINT_AGENT_NAME}, else the name the MCP client gave itself in {@code initialize}
 * ({@code clientInfo.name}, such as "claude-ai" or "cursor"), else none.
 *
 * <p>The operator's name is checked at start-up by the API's rule, so a typo stops the server instead of failing
 * every question. The client's name is not the caller's choice but the client software's, so it is made to fit
 * the rule instead of refused: control characters dropped, runs of spaces collapsed, cut to 80 code points. A
 * model's own {@code agent_name} is passed as given and judged by the API, as every other argument.
 */
final class AgentName {

    static final int MAX_CODE_POINTS = 80;

    private AgentName() {
    }

    /** The configured name, or null when unset; an invalid one is an {@link IllegalArgumentException}. */
    static String configured(String value, String variable) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.isBlank() || value.codePointCount(0, value.length()) > MAX_CODE_POINTS
                || value.codePoints().anyMatch(AgentName::isControl)) {
            throw new IllegalArgumentException(variable + " must be 1 to " + MAX_CODE_POINTS
                    + " characters, not blank, without control characters");
        }
        return value;
    }

    static String fallback(String configured, Implementation clientInfo) {
        if (configured != null) {
            return configured;
        }
        if (clientInfo == null || clientInfo.name() == null
                || McpServerInfo.ADOPTED_CLIENT_NAME.equals(clientInfo.name())) {
            return null;
        }
        return fitted(clientInfo.name());
    }

    static String fitted(String name) {
        StringBuilder fitted = new StringBuilder();
        name.codePoints().map(c -> isControl(c) || Character.isWhitespace(c) ? ' ' : c)
                .forEach(fitted::appendCodePoint);
        String collapsed = fitted.toString().trim().replaceAll(" {2,}", " ");
        if (collapsed.isEmpty()) {
            return null;
        }
        if (collapsed.codePointCount(0, collapsed.length()) > MAX_CODE_POINTS) {
            collapsed = collapsed.substring(0, collapsed.offsetByCodePoints(0, MAX_CODE_POINTS)).trim();
        }
        return collapsed;
    }

    /** C0, DEL and C1, as the API's rule names them. */
    private static boolean isControl(int codePoint) {
        return codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f);
    }
}
