package dev.pausepoint.client;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Where a pause stands: pending, then exactly one of the three ends. */
public enum PauseStatus implements WireEnum {
    PENDING,
    RESPONDED,
    TIMED_OUT,
    CANCELLED,
    /** A status this client version does not know yet (the server is newer). */
    UNKNOWN;

    @JsonCreator
    static PauseStatus fromWire(String value) {
        return WireEnum.parse(PauseStatus.class, value, UNKNOWN);
    }
}
