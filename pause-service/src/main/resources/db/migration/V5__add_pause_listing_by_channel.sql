-- The list filtered by channel, with or without a status, newest first. Through pause_listing a page of a
-- channel walked the developer's pauses of every channel until it had a page, so a developer with a million
-- SMS pauses asking for their few Slack ones read the million. With the status after the channel, one
-- index serves both filters: with a status, a page is one run of it; without, the list merges the four
-- status runs of the channel by seq (PauseRepository.LIST_BY_CHANNEL), reading each only as far as the
-- page needs. One more entry per insert and per change of status (which moves no HOT update: status is
-- already indexed by pause_listing_by_status). CONCURRENTLY, so that adding it to a large table blocks
-- no create; Flyway runs such a statement outside a transaction, so it is alone in its migration.
CREATE INDEX CONCURRENTLY IF NOT EXISTS pause_listing_by_channel ON pause (developer_id, livemode, channel, status, seq DESC);
