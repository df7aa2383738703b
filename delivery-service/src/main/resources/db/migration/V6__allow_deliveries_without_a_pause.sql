-- A test event (POST /v1/webhooks/{id}/test, event webhook.test) is about no pause: its delivery has no
-- pause id, and its post says "pause_id": null. Dropping NOT NULL only changes the catalogue; no row is read.
ALTER TABLE webhook_delivery ALTER COLUMN pause_id DROP NOT NULL;
