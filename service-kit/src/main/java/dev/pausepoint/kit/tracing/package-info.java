/**
 * One trace from the gateway to the webhook receiver, across Kafka and the database rows work waits in
 * (docs/tracing-and-logs.md). HTTP hops are traced by Boot's instrumentation; what this package adds is
 * the trace context kept where a request's thread ends: {@link dev.pausepoint.kit.tracing.TraceContext}
 * is the W3C {@code traceparent} stored with an outbox row or a queued delivery, and
 * {@link dev.pausepoint.kit.tracing.Spans} continues it in a later span, on another thread or process.
 */
package dev.pausepoint.kit.tracing;
