package dev.pausepoint.billing.account;

import dev.pausepoint.kit.openapi.ApiRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@ApiRequest
public record RegisterRequest(
        @NotNull(message = "is required") @EmailAddress String email,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
        @NotNull(message = "is required") @Password String password) {
}
