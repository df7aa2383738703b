package dev.pausepoint.billing.credential;

import dev.pausepoint.identity.CredentialHash;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The random bearer tokens (docs/api-reference.md, "Accounts and keys"): {@code pp_live_}/{@code pp_test_}
 * API keys, {@code pps_} sessions and {@code ppr_} password-reset tokens, each a prefix plus 48 lowercase
 * hex characters (192 random bits). Only their SHA-256 is ever stored.
 */
public final class SecretTokens {

    public static final String LIVE_KEY = "pp_live_";
    public static final String TEST_KEY = "pp_test_";
    public static final String SESSION = "pps_";
    public static final String PASSWORD_RESET = "ppr_";
    /** How much of a key is kept to show the developer which one it is. */
    public static final int DISPLAY_PREFIX_LENGTH = 12;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern BODY = Pattern.compile("[0-9a-f]{48}");

    private SecretTokens() {
    }

    public static String generate(String prefix) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    /** Whether {@code token} is {@code prefix} followed by exactly 48 lowercase hex characters. */
    public static boolean wellFormed(String token, String prefix) {
        return token != null && token.startsWith(prefix) && BODY.matcher(token.substring(prefix.length())).matches();
    }

    public static String sha256(String token) {
        return CredentialHash.of(token);
    }

    public static String displayPrefix(String key) {
        return key.substring(0, DISPLAY_PREFIX_LENGTH);
    }
}
