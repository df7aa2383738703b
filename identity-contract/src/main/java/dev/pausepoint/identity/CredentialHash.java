package dev.pausepoint.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a bearer credential is identified without being kept: the SHA-256 hex of the token. billing-service
 * stores it, the gateway sends it, so both must use this one rule. (The tokens carry 192 random bits,
 * so a fast hash is enough; passwords get bcrypt.)
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
