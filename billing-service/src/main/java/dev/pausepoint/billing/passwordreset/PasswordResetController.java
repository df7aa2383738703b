package dev.pausepoint.billing.passwordreset;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.kit.openapi.Access;
import dev.pausepoint.kit.openapi.ApiOperation;
import dev.pausepoint.kit.openapi.MessageAnswer;
import dev.pausepoint.kit.request.JsonBodies;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/v1/auth/password-reset")
public class PasswordResetController {

    private final PasswordResetService resets;

    public PasswordResetController(PasswordResetService resets) {
        this.resets = resets;
    }

    /** 202 whatever the email: no account enumeration. */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ApiOperation(id = "requestPasswordReset", tag = "Accounts and keys", summary = "Email a password reset link",
            access = Access.NONE, body = PasswordResetRequest.class, response = MessageAnswer.class,
            errors = ErrorCode.VALIDATION_ERROR, description = "The same answer whatever the email.")
    public Map<String, String> request(@RequestBody JsonNode body) {
        resets.request(JsonBodies.read(body, PasswordResetRequest.class).email());
        return Map.of("message", "If an account exists for that email, a reset link is on its way.");
    }

    @PostMapping("/confirm")
    @ApiOperation(id = "confirmPasswordReset", tag = "Accounts and keys", summary = "Set a new password with a reset token",
            access = Access.NONE, body = PasswordResetConfirmation.class, response = MessageAnswer.class,
            errors = {ErrorCode.INVALID_TOKEN, ErrorCode.TOKEN_EXPIRED, ErrorCode.TOKEN_USED,
                    ErrorCode.VALIDATION_ERROR})
    public Map<String, String> confirm(@RequestBody JsonNode body) {
        PasswordResetConfirmation confirmation = JsonBodies.read(body, PasswordResetConfirmation.class);
        resets.confirm(confirmation.token(), confirmation.password());
        return Map.of("message", "Password changed. Every session has ended; log in with the new password.");
    }
}
