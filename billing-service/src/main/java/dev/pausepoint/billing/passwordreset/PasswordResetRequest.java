package dev.pausepoint.billing.passwordreset;

import dev.pausepoint.kit.openapi.ApiRequest;
import jakarta.validation.constraints.NotBlank;

@ApiRequest
public record PasswordResetRequest(@NotBlank(message = "is required") String email) {
}
