-- Transactional outbox: a service writes its event here in the same transaction as the state change;
-- a relay publishes rows to Kafka in id order and deletes them once the broker has acknowledged.
CREATE TABLE outbox_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    text        NOT NULL UNIQUE,
    topic       text        NOT NULL,
    record_key  text        NOT NULL,
    -- The JSON exactly as EventJson wrote it, published byte for byte.
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
