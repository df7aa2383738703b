package dev.pausepoint.mcp.http;

import dev.pausepoint.client.PausePointClient;
import dev.pausepoint.mcp.tools.ToolCall;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * One MCP request over HTTP: the API client with the caller's key, the request's SSE stream (to learn that the
 * client went away) and its place among the cancellable waits.
 */
final class HttpToolCall implements ToolCall {

    /** Where the transport context keeps the call for the tools. */
    static final String CONTEXT_KEY = HttpToolCall.class.getName();

    /** An SSE comment: every client ignores it, and writing it shows whether the connection is still open. */
    private static final String STILL_THERE = ": waiting\n";

    private final PausePointClient client;
    private final Supplier<PrintWriter> stream;
    private final WaitCancellations cancellations;
    private final String owner;
    private final String requestId;

    HttpToolCall(PausePointClient client, Supplier<PrintWriter> stream, WaitCancellations cancellations,
            String owner, String requestId) {
        this.client = client;
        this.stream = stream;
        this.cancellations = cancellations;
        this.owner = owner;
        this.requestId = requestId;
    }

    @Override
    public PausePointClient client() {
        return client;
    }

    @Override
    public boolean stillListening() {
        PrintWriter writer = stream.get();
        if (writer == null) {
            return true;
        }
        writer.write(STILL_THERE);
        writer.flush();
        return !writer.checkError();
    }

    @Override
    public Registration onCancel(Runnable stop) {
        return cancellations.register(owner, requestId, stop);
    }
}
