package dev.pausepoint.billing.credential;

import dev.pausepoint.kit.openapi.ApiRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;

/** {@code key_type} defaults to the mode the caller presents: a key's own, a session's {@code PausePoint-Mode}. */
@ApiRequest
public record RotateKeyRequest(@Pattern(regexp = "live|test", message = "must be live or test") @Schema(allowableValues = {"live", "test"}) String keyType) {
}
