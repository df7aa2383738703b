/**
 * The Streamable HTTP mode behind the gateway's {@code /mcp} route: only requests the gateway signed, from an API
 * key, each tool call acting with that key; a cancelled or abandoned request's wait is released
 * (docs/mcp.md, "HTTP").
 */
package dev.pausepoint.mcp.http;
