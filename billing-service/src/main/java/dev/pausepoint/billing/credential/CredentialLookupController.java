package dev.pausepoint.billing.credential;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.request.JsonBodies;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /internal/credentials/lookup}: the gateway asks who a presented credential belongs to,
 * by its SHA-256 only; the plaintext never leaves the gateway. Revoked keys and expired sessions are
 * unknown. The account's name comes along for the signed identity, so a pause can tell its human who asks
 * (docs/trust-boundary.md); a name never changes, so the gateway may keep it with the key. Reachable only
 * with an internal credential; never routed from outside.
 */
@RestController
public class CredentialLookupController {

    public record LookupRequest(
            @NotNull(message = "is required") @Pattern(regexp = "api_key|session", message = "must be api_key or session")
            String kind,
            @NotNull(message = "is required") @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 hex")
            String credentialHash) {
    }

    public record Identity(String developerId, String mode, String plan, String credential, String accountName) {
    }

    private final ApiKeyRepository keys;
    private final SessionRepository sessions;
    private final Clock clock;

    public CredentialLookupController(ApiKeyRepository keys, SessionRepository sessions, Clock clock) {
        this.keys = keys;
        this.sessions = sessions;
        this.clock = clock;
    }

    @PostMapping("/internal/credentials/lookup")
    public Identity lookup(@RequestBody JsonNode body) {
        LookupRequest request = JsonBodies.read(body, LookupRequest.class);
        if (CredentialKind.fromWire(request.kind()) == CredentialKind.API_KEY) {
            return keys.resolve(request.credentialHash())
                    .map(key -> new Identity(key.developerId(), key.mode().wire(), key.plan(), CredentialKind.API_KEY.wire(),
                            key.accountName()))
                    .orElseThrow(CredentialLookupController::unknown);
        }
        return sessions.resolve(request.credentialHash(), clock.instant())
                .map(s -> new Identity(s.developerId(), KeyMode.LIVE.wire(), s.plan(), CredentialKind.SESSION.wire(),
                        s.accountName()))
                .orElseThrow(CredentialLookupController::unknown);
    }

    private static ApiException unknown() {
        return new ApiException(ErrorCode.NOT_FOUND, "Unknown credential.");
    }
}
