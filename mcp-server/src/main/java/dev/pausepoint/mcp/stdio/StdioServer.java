package dev.pausepoint.mcp.stdio;

import dev.pausepoint.client.PausePointClient;
import dev.pausepoint.mcp.McpServerInfo;
import dev.pausepoint.mcp.tools.McpSettings;
import dev.pausepoint.mcp.tools.PauseTools;
import dev.pausepoint.mcp.tools.ToolCall;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Serves the tools over standard input and output to the one client that started this process. Standard output
 * belongs to the protocol: it is taken for the transport first, and {@code System.out} is pointed at standard
 * error, so no stray line (a library's banner, a log line) can corrupt the stream. The process ends when its
 * client closes standard input.
 */
public final class StdioServer {

    /** Exit status when the server cannot start (no key): the client shows the message from standard error. */
    public static final int CONFIGURATION_ERROR = 2;

    private StdioServer() {
    }

    public static int run(Map<String, String> environment, InputStream in, PrintStream protocolOut)
            throws InterruptedException {
        String key = environment.get("PAUSEPOINT_API_KEY");
        if (key == null || key.isBlank()) {
            System.err.println("pausepoint MCP server: set PAUSEPOINT_API_KEY to your PausePoint API key "
                    + "(pp_test_... to try it without contacting anyone), and PAUSEPOINT_URL to your gateway.");
            return CONFIGURATION_ERROR;
        }
        McpSettings settings;
        try {
            settings = McpSettings.from(environment::get);
        } catch (IllegalArgumentException e) {
            System.err.println("pausepoint MCP server: " + e.getMessage());
            return CONFIGURATION_ERROR;
        }
        PausePointClient client = PausePointClient.builder().baseUrl(settings.apiUrl()).apiKey(key.trim())
                .requestTimeout(McpServerInfo.API_REQUEST_TIMEOUT).build();
        ToolCall call = new ProcessCall(client);
        McpJsonMapper json = McpJsonDefaults.getMapper();
        EndOfInput input = new EndOfInput(in);
        McpAsyncServer server = McpServerInfo.build(
                McpServer.async(new StdioServerTransportProvider(json, input, protocolOut)),
                new PauseTools(exchange -> call, settings, json).specifications());
        input.awaitEnd();
        server.closeGracefully().block(Duration.ofSeconds(5));
        return 0;
    }

    /** The whole process is one caller: its key, and it listens as long as the process lives. */
    private record ProcessCall(PausePointClient client) implements ToolCall {

        @Override
        public boolean stillListening() {
            return true;
        }

        /**
         * The SDK's stdio transport gives a tool no way to learn its request's id, so a cancellation notice is not
         * matched to a wait: the wait ends at its bound, or with the process (docs/mcp.md, "Limits").
         */
        @Override
        public Registration onCancel(Runnable stop) {
            return () -> { };
        }
    }

    /** Standard input that reports its end: the client closed it, so the server has nobody left to serve. */
    private static final class EndOfInput extends FilterInputStream {
        private final CountDownLatch ended = new CountDownLatch(1);

        EndOfInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            return ending(super.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return ending(super.read(buffer, offset, length));
        }

        private int ending(int read) {
            if (read < 0) {
                ended.countDown();
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            ended.countDown();
            super.close();
        }

        void awaitEnd() throws InterruptedException {
            ended.await();
        }
    }
}
