package dev.pausepoint.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How an API key or session token is named across the trust boundary without being kept: the SHA-256 hex
 * of the token. billing-service stores it, the gateway sends it, so both must use this one rule. (The
 * tokens carry 192 random bits, so a fast hash is enough; passwords get bcrypt.) A hash that no other
 * process has to reproduce is not this rule: use the kit's {@code Sha256}.
 */
public final class CredentialHash {

    private CredentialHash() {
    }

    public static String of(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
