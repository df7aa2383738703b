package dev.pausepoint.delivery.webhook;

/** Pending webhook deliveries: {@code due} now, {@code scheduled} for a later retry. */
public record WebhookBacklog(double due, double scheduled) {

    /** What the gauges show while the database does not answer. */
    static final WebhookBacklog UNKNOWN = new WebhookBacklog(Double.NaN, Double.NaN);
}
