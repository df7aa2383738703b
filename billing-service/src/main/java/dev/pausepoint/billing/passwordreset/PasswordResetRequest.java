package dev.pausepoint.billing.passwordreset;

import jakarta.validation.constraints.NotBlank;

public record PasswordResetRequest(@NotBlank(message = "is required") String email) {
}
