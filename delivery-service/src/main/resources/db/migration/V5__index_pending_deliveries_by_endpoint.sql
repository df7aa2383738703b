-- The claim (WebhookDeliveryRepository.claimDue) walks the endpoints with pending deliveries and takes each
-- one's oldest due rows, a few index entries each, so that a claim costs what the batch and the endpoints
-- with pending work cost, not what the whole backlog does (docs/benchmark/cost-curves.md, "Webhook
-- backlog"). id is the tie-break of the claim's order, so the rows come out of the index already in it.
-- CONCURRENTLY, alone in its migration: an upgrade blocks no write while it builds (docs/operations.md).
CREATE INDEX CONCURRENTLY IF NOT EXISTS webhook_delivery_pending_by_endpoint ON webhook_delivery (webhook_id, next_attempt_at, id)
    WHERE status = 'pending';
