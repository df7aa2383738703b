package dev.pausepoint.billing.account;

import dev.pausepoint.kit.openapi.ApiRequest;
import jakarta.validation.constraints.NotBlank;

/** No shape rules beyond presence: anything that does not match an account is INVALID_CREDENTIALS. */
@ApiRequest
public record LoginRequest(@NotBlank(message = "is required") String email,
        @NotBlank(message = "is required") String password) {
}
