package dev.pausepoint.mcp;

import dev.pausepoint.mcp.http.HttpModeApplication;
import dev.pausepoint.mcp.stdio.StdioServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;

/**
 * One jar, two modes (docs/mcp.md): stdio unless {@code MCP_TRANSPORT=http}, so {@code java -jar mcp-server.jar} is
 * what an MCP client's configuration runs, and a deployment sets the variable.
 */
public final class McpServerApplication {

    private McpServerApplication() {
    }

    public static void main(String[] args) throws InterruptedException {
        if ("http".equalsIgnoreCase(System.getenv("MCP_TRANSPORT"))) {
            HttpModeApplication.start(args);
            return;
        }
        // Before any logger exists: logs to standard error, which is also where System.out now points.
        System.setProperty("logback.configurationFile", "dev/pausepoint/mcp/stdio/logback-stdio.xml");
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        System.setOut(System.err);
        int status = StdioServer.run(System.getenv(), System.in, protocol);
        System.exit(status);
    }
}
