-- The list filtered by channel, with or without a status, newest first. Through pause_listing a page of a
-- channel walked the developer's pauses of every channel until it had a page, so a developer with a million
-- SMS pauses asking for their few Slack ones read the million. With the status after the channel, one
-- index serves both filters: with a status, a page is one run of it; without, the list reads each status's
-- run of the channel up to the page's end and cuts the page from those (PauseRepository.LIST_BY_CHANNEL).
-- It costs one more index entry per create and per change of status; the delivery updates stay HOT (V4),
-- since the channel never changes and a change of status was never HOT (pause_listing_by_status).
-- CONCURRENTLY, so that adding it to a large table blocks no create; Flyway runs such a statement outside
-- a transaction, so it is alone in its migration.
CREATE INDEX CONCURRENTLY IF NOT EXISTS pause_listing_by_channel ON pause (developer_id, livemode, channel, status, seq DESC);
