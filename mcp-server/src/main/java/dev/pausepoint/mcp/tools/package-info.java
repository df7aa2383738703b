/**
 * The five tools and what they answer: arguments read from the model's JSON, one call of the Java client each,
 * the pause shown with the REST API's field names, API errors as {@code isError} results the model can read,
 * and the bounded wait for a human's answer with progress notifications (docs/mcp.md, "Tools").
 */
package dev.pausepoint.mcp.tools;
