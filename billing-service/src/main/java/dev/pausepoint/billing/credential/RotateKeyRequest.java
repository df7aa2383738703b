package dev.pausepoint.billing.credential;

import jakarta.validation.constraints.Pattern;

/** {@code key_type} defaults to the mode the caller presents: a key's own, a session's {@code PausePoint-Mode}. */
public record RotateKeyRequest(@Pattern(regexp = "live|test", message = "must be live or test") String keyType) {
}
