-- Idempotent consumers: a listener records each event_id it has acted on, in the same transaction as
-- the action, and skips an event it finds here (Kafka delivers at least once).
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
