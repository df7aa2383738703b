package dev.pausepoint.dashboard.account;

import dev.pausepoint.dashboard.api.ApiClient;
import dev.pausepoint.dashboard.api.ApiClient.Path;
import dev.pausepoint.dashboard.api.Caller;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The account calls of the public API (docs/api-reference.md, "Accounts and keys"). */
@Component
public class AccountApi {

    /** What registration shows once: both keys. */
    public record Registered(String developerId, String apiKey, String testApiKey, String plan) {
    }

    public record LoggedIn(String sessionToken, Instant expiresAt) {
    }

    public record Usage(Instant periodStart, Instant periodEnd, long pausesUsed, Long pausesLimit) {
    }

    public record Me(String developerId, String email, String name, String plan, String apiKeyPrefix,
            String testApiKeyPrefix, Instant apiKeyCreatedAt, Instant testApiKeyCreatedAt, Usage usage,
            Instant createdAt) {
    }

    public record Rotated(String keyType, String apiKey, String apiKeyPrefix, Instant rotatedAt) {
    }

    private final ApiClient api;

    public AccountApi(ApiClient api) {
        this.api = api;
    }

    public Registered register(Caller caller, String email, String name, String password) {
        return api.read(api.post(caller, Path.of("/v1/auth/register"),
                Map.of("email", email, "name", name, "password", password)), Registered.class);
    }

    public LoggedIn login(Caller caller, String email, String password) {
        return api.read(api.post(caller, Path.of("/v1/auth/login"), Map.of("email", email, "password", password)),
                LoggedIn.class);
    }

    public void logout(Caller caller) {
        api.post(caller, Path.of("/v1/auth/logout"), null);
    }

    public void requestPasswordReset(Caller caller, String email) {
        api.post(caller, Path.of("/v1/auth/password-reset"), Map.of("email", email));
    }

    public Me me(Caller caller) {
        return api.read(api.get(caller, Path.of("/v1/auth/me")), Me.class);
    }

    public Rotated rotate(Caller caller, String keyType) {
        return api.read(api.post(caller, Path.of("/v1/auth/keys/rotate"), Map.of("key_type", keyType)), Rotated.class);
    }
}
