package dev.pausepoint.billing.credential;

import jakarta.validation.constraints.Pattern;

/** {@code key_type} defaults to the type of the presented key (live for a session). */
public record RotateKeyRequest(@Pattern(regexp = "live|test", message = "must be live or test") String keyType) {
}
