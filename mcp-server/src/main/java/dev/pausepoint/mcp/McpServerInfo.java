package dev.pausepoint.mcp;

import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.time.Duration;
import java.util.List;

/** What both modes tell a client about this server, and the one client setting they share. */
public final class McpServerInfo {

    /** The server's name in {@code initialize}, fixed by the tool contract (docs/mcp.md). */
    public static final String NAME = "pausepoint";

    /**
     * The {@code clientInfo.name} of the {@code initialize} a copy sends itself to adopt another copy's session
     * (docs/mcp.md, "Scaling"): not the client's real name, so it never names the asking agent.
     */
    public static final String ADOPTED_CLIENT_NAME = "pausepoint-adopted-session";

    /** Tools only; the list never changes while a session lives. */
    public static final ServerCapabilities CAPABILITIES = ServerCapabilities.builder().tools(false).build();

    public static final String INSTRUCTIONS = "PausePoint lets you ask a human to approve or choose before you act, "
            + "by SMS, email or Slack, and wait for the answer. Use ask_human before costly, irreversible or "
            + "externally visible actions; if it returns status pending, call wait_for_pause with the same pause_id "
            + "instead of asking again.";

    /** Above the API's longest answer (a 30 s long-poll), so a wait is never cut by the client's own timeout. */
    public static final Duration API_REQUEST_TIMEOUT = Duration.ofSeconds(40);

    private McpServerInfo() {
    }

    /**
     * The server either transport serves. The SDK's own check of arguments against the input schemas is off:
     * each tool reads its arguments itself and the API judges their values, so every refusal a model sees
     * names an error code the same way (docs/mcp.md, "Results").
     */
    public static McpAsyncServer build(McpServer.AsyncSpecification<?> server, List<AsyncToolSpecification> tools) {
        return server.serverInfo(NAME, version())
                .instructions(INSTRUCTIONS)
                .capabilities(CAPABILITIES)
                .validateToolInputs(false)
                .tools(tools)
                .build();
    }

    public static String version() {
        String version = McpServerInfo.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
