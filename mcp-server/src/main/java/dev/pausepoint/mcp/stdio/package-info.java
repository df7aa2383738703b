/**
 * The stdio mode, for an agent that starts the server as its own child process: no Spring context and no web
 * server, the MCP protocol alone on standard output (every log line on standard error), the API key from
 * {@code PAUSEPOINT_API_KEY}.
 */
package dev.pausepoint.mcp.stdio;
