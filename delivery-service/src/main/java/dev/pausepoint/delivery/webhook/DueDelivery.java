package dev.pausepoint.delivery.webhook;

/** A claimed delivery with what its next attempt needs: the endpoint's URL and sealed secret. */
record DueDelivery(String deliveryId, String webhookId, String eventId, String event, String pauseId,
        String developerId, boolean livemode, WebhookData data, int attempts, String url, String sealedSecret) {
}
