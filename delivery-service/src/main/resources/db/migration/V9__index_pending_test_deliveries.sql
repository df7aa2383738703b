-- POST /v1/webhooks/{id}/test looks for the endpoint's test deliveries still pending (at most one, see
-- WebhookService.sendTest): on this index that costs a lookup, however long the endpoint's backlog of real
-- deliveries. CONCURRENTLY, alone in its migration.
CREATE INDEX CONCURRENTLY IF NOT EXISTS webhook_delivery_pending_test ON webhook_delivery (webhook_id)
    WHERE status = 'pending' AND event = 'webhook.test';
