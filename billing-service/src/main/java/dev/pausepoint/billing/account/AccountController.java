package dev.pausepoint.billing.account;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.openapi.Access;
import dev.pausepoint.kit.openapi.ApiOperation;
import dev.pausepoint.kit.request.JsonBodies;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/v1/auth")
public class AccountController {

    private final AccountService accounts;

    public AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiOperation(id = "register", tag = "Accounts and keys", summary = "Create an account and its two API keys",
            access = Access.NONE, body = RegisterRequest.class,
            errors = {ErrorCode.EMAIL_TAKEN, ErrorCode.VALIDATION_ERROR})
    public RegisterResponse register(@RequestBody JsonNode body, CallerIdentity caller) {
        return accounts.register(JsonBodies.read(body, RegisterRequest.class), caller);
    }

    @PostMapping("/login")
    @ApiOperation(id = "login", tag = "Accounts and keys", summary = "Start a 12-hour session", access = Access.NONE,
            body = LoginRequest.class, errors = {ErrorCode.INVALID_CREDENTIALS, ErrorCode.RATE_LIMITED,
                    ErrorCode.VALIDATION_ERROR})
    public LoginResponse login(@RequestBody JsonNode body) {
        return accounts.login(JsonBodies.read(body, LoginRequest.class));
    }

    /** Takes no body: one sent anyway is never read, whatever its type or size within the service's limit. */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiOperation(id = "logout", tag = "Accounts and keys", summary = "End every session of the account",
            access = Access.SESSION, errors = ErrorCode.KEY_MODE_NOT_ALLOWED,
            description = "No body (one sent is not read). An API key is 403 KEY_MODE_NOT_ALLOWED.")
    public void logout(CallerIdentity caller) {
        accounts.logout(caller);
    }

    @GetMapping("/me")
    @ApiOperation(id = "getAccount", tag = "Accounts and keys", summary = "The account, its keys and this month's usage",
            access = Access.CREDENTIAL)
    public MeResponse me(CallerIdentity caller) {
        return accounts.me(caller);
    }
}
