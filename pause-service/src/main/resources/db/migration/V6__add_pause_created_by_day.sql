-- GET /v1/stats/pauses: the pauses a developer's world created in the last 1 to 90 UTC days, counted by
-- day and by their status now. No other index has created_at after the developer and world, so the count
-- read every pause the developer ever created; here it reads the range alone, and from the index (the
-- status is included), not the pauses, once their pages are all-visible. It costs one more index entry
-- per create and per change of status; the delivery updates stay HOT (V4), since created_at never changes
-- and a change of status was never HOT. CONCURRENTLY and alone in its migration, like V3 and V5.
CREATE INDEX CONCURRENTLY IF NOT EXISTS pause_created_by_day ON pause (developer_id, livemode, created_at) INCLUDE (status);
