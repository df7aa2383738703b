package dev.pausepoint.gateway.identity;

import dev.pausepoint.identity.CredentialHash;
import dev.pausepoint.identity.CredentialKind;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A well-formed credential from {@code Authorization: Bearer ...}: an API key ({@code pp_live_} or
 * {@code pp_test_} + 48 hex) or a session ({@code pps_} + 48 hex). Only its SHA-256 travels further.
 */
public record BearerCredential(CredentialKind kind, String hash) {

    private static final Pattern API_KEY = Pattern.compile("pp_(live|test)_[0-9a-f]{48}");
    private static final Pattern SESSION = Pattern.compile("pps_[0-9a-f]{48}");

    public static Optional<BearerCredential> parse(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).trim();
        if (API_KEY.matcher(token).matches()) {
            return Optional.of(new BearerCredential(CredentialKind.API_KEY, CredentialHash.of(token)));
        }
        if (SESSION.matcher(token).matches()) {
            return Optional.of(new BearerCredential(CredentialKind.SESSION, CredentialHash.of(token)));
        }
        return Optional.empty();
    }
}
