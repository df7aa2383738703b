-- The list filtered by status, newest first. Through pause_listing alone it walked the developer's
-- pauses of every status until it had a page, so its cost grew with how many newer pauses had other
-- statuses. CONCURRENTLY, so that adding it to a large table in production blocks no create; Flyway
-- runs a statement like this one outside a transaction, which is why it is alone in its migration.
CREATE INDEX CONCURRENTLY IF NOT EXISTS pause_listing_by_status ON pause (developer_id, livemode, status, seq DESC);
