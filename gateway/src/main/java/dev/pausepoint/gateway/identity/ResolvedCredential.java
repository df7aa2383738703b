package dev.pausepoint.gateway.identity;

import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;

/**
 * Whose a credential is, as billing-service answered; combined with the client IP per request. The
 * account's name never changes, so it is kept with the key like the rest.
 */
public record ResolvedCredential(String developerId, KeyMode mode, String plan, CredentialKind kind,
        String accountName) {
}
