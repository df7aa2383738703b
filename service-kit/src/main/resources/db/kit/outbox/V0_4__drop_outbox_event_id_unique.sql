-- No unique index on event_id. Every row is inserted once and deleted moments later, so the index was an
-- entry written, and later cleaned up, per event in every service with an outbox, at a random place in
-- the index (event ids are random). It guarded nothing: an event's id is new when it is written, and
-- a record published twice (the relay retries) is already absorbed by consumers, which are idempotent by
-- event id (docs/benchmark.md, "Where the CPU goes").
ALTER TABLE outbox_event DROP CONSTRAINT IF EXISTS outbox_event_event_id_key;
