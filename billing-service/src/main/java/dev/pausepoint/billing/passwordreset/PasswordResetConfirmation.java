package dev.pausepoint.billing.passwordreset;

import dev.pausepoint.billing.account.Password;
import dev.pausepoint.kit.openapi.ApiRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

@ApiRequest
public record PasswordResetConfirmation(@NotBlank(message = "is required") String token,
        @NotNull(message = "is required") @Password String password) {
}
