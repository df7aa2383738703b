-- The trace context (W3C traceparent) of the change that wrote the event; the relay sends it as the
-- record's traceparent header so consumers continue the trace. Null for rows written outside a span.
-- Kit migrations are numbered 0.x, below every service's own, and applied out of order where a service's
-- database is already past them (spring.flyway.out-of-order in pausepoint-service-defaults.yml).
ALTER TABLE outbox_event ADD COLUMN traceparent text;
