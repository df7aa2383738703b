package dev.pausepoint.pause.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/** pending, then exactly one of the three terminal states, never changing again. */
public enum PauseStatus {
    PENDING, RESPONDED, TIMED_OUT, CANCELLED;

    public String wire() {
        return name().toLowerCase();
    }

    public static Optional<PauseStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(status -> status.wire().equals(value)).findFirst();
    }
}
