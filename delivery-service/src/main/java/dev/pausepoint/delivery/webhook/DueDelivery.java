package dev.pausepoint.delivery.webhook;

import dev.pausepoint.kit.tracing.TraceContext;

/**
 * A claimed delivery with what its next attempt needs: the endpoint's URL and sealed secret, and the
 * trace of the event that queued it.
 */
record DueDelivery(String deliveryId, String webhookId, String eventId, String event, String pauseId,
        String developerId, boolean livemode, PayloadData data, int attempts, String url, String sealedSecret,
        TraceContext trace) {
}
