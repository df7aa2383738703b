package dev.pausepoint.client;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Where one notification of a pause stands: {@code SCHEDULED} until it is due, then {@code QUEUED},
 * {@code SENT} (or {@code SANDBOX} for a test pause), then {@code DELIVERED} or {@code FAILED};
 * {@code SKIPPED} when its time came, or will come, after the pause ended.
 */
public enum DeliveryStatus implements WireEnum {
    SCHEDULED,
    QUEUED,
    SENT,
    DELIVERED,
    FAILED,
    SANDBOX,
    SKIPPED,
    /** A status this client version does not know yet (the server is newer). */
    UNKNOWN;

    @JsonCreator
    static DeliveryStatus fromWire(String value) {
        return WireEnum.parse(DeliveryStatus.class, value, UNKNOWN);
    }
}
