/**
 * One line per request answered, at INFO under {@code dev.pausepoint.gateway.access}: method, path,
 * status and time, with the request's trace id, span id and request id, so an operator can follow a
 * client's request from the edge into the services' lines of the same trace (docs/tracing-and-logs.md).
 * In the console's default layout the line is put together here ({@code AccessLine}), otherwise by
 * Logback. Switched off with {@code logging.level.dev.pausepoint.gateway.access=warn}.
 */
package dev.pausepoint.gateway.accesslog;
