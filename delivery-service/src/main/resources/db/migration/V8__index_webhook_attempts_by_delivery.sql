-- A pause's timeline reads the attempts of each of its deliveries, and the log purge deletes a finished
-- delivery's attempts: both by delivery id, which no index held. CONCURRENTLY, alone in its migration.
CREATE INDEX CONCURRENTLY IF NOT EXISTS webhook_attempt_delivery ON webhook_attempt (delivery_id, id);
