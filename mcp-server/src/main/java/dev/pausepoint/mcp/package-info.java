/**
 * PausePoint's MCP server: the tools an AI agent uses to ask a human and wait for the answer ({@code tools}),
 * served over stdio to one local agent ({@code stdio}) or over Streamable HTTP behind the gateway ({@code http}).
 * Both modes call the public API through the gateway with the caller's own API key (docs/mcp.md).
 */
package dev.pausepoint.mcp;
