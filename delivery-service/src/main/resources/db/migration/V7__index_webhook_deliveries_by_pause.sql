-- A pause's timeline (GET /v1/deliveries?pause_id=) finds the pause's deliveries by their pause id, a few
-- rows among every endpoint's, instead of reading the whole table. CONCURRENTLY, alone in its migration: an
-- upgrade blocks no write while it builds (docs/operations.md).
CREATE INDEX CONCURRENTLY IF NOT EXISTS webhook_delivery_pause ON webhook_delivery (pause_id) WHERE pause_id IS NOT NULL;
