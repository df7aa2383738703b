package dev.pausepoint.mcp.http;

import dev.pausepoint.mcp.tools.ToolCall;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The waits in progress on this instance by owner (the caller and the MCP session) and JSON-RPC request id, so
 * that a client's {@code notifications/cancelled}, which arrives as a separate POST, stops the wait of the
 * request it names. A notice for a request on another instance, or already finished, or from another caller,
 * finds nothing and changes nothing.
 */
class WaitCancellations {

    private final Map<String, Runnable> waits = new ConcurrentHashMap<>();

    ToolCall.Registration register(String owner, String requestId, Runnable stop) {
        if (owner == null || requestId == null) {
            return () -> { };
        }
        String key = key(owner, requestId);
        waits.put(key, stop);
        return () -> waits.remove(key, stop);
    }

    /** Whether a wait was found and stopped. */
    boolean cancel(String owner, String requestId) {
        if (owner == null || requestId == null) {
            return false;
        }
        Runnable stop = waits.remove(key(owner, requestId));
        if (stop == null) {
            return false;
        }
        stop.run();
        return true;
    }

    int inProgress() {
        return waits.size();
    }

    private static String key(String owner, String requestId) {
        return owner + '\n' + requestId;
    }
}
