package dev.pausepoint.billing.account;

import dev.pausepoint.identity.CallerIdentity;
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
    public RegisterResponse register(@RequestBody JsonNode body, CallerIdentity caller) {
        return accounts.register(JsonBodies.read(body, RegisterRequest.class), caller);
    }

    @PostMapping("/login")
    public LoginResponse login(@RequestBody JsonNode body) {
        return accounts.login(JsonBodies.read(body, LoginRequest.class));
    }

    /** Takes no body: one sent anyway is never read, whatever its type or size within the service's limit. */
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logout(CallerIdentity caller) {
        accounts.logout(caller);
    }

    @GetMapping("/me")
    public MeResponse me(CallerIdentity caller) {
        return accounts.me(caller);
    }
}
