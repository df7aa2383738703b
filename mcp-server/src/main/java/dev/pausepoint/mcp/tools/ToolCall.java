package dev.pausepoint.mcp.tools;

import dev.pausepoint.client.PausePointClient;

/**
 * What a tool needs of the request it serves, whichever transport carried it: the API client acting with the
 * caller's own key, and the two ways a wait learns that nobody is listening any more.
 */
public interface ToolCall {

    /** The public API, as the caller (their key, their plan's rules and limits). */
    PausePointClient client();

    /**
     * Whether the caller can still receive the answer. Over HTTP this writes an SSE comment on the request's
     * stream, which no MCP client treats as a message, and reports whether the write failed; so a wait whose
     * client disconnected stops within two progress intervals. Over stdio the process ends with its client.
     */
    boolean stillListening();

    /**
     * Has {@code stop} run when the client sends {@code notifications/cancelled} for this request; the returned
     * handle unregisters it when the call ends.
     */
    Registration onCancel(Runnable stop);

    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
