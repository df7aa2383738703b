-- The trace context (W3C traceparent) of the event that queued the work, so the provider call or the
-- webhook post, made later by a worker, is a span of the same trace (docs/tracing-and-logs.md). Null for
-- rows queued outside a trace.
ALTER TABLE notification ADD COLUMN traceparent text;
ALTER TABLE webhook_delivery ADD COLUMN traceparent text;
