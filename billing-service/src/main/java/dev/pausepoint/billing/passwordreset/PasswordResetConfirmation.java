package dev.pausepoint.billing.passwordreset;

import dev.pausepoint.billing.account.Password;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

public record PasswordResetConfirmation(@NotBlank(message = "is required") String token,
        @NotNull(message = "is required") @Password String password) {
}
