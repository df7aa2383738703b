package dev.pausepoint.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256, the one MAC of the system: identity headers, response tokens, webhook signatures and
 * keys derived from the internal secret all use it, so the JCA plumbing lives here once.
 */
public final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";
    /**
     * One Mac per thread, initialised again with each call's key: looking the algorithm up in the
     * providers and building a new Mac on every call was most of the trust filter's HMAC time
     * (docs/benchmark.md, "Where the CPU goes"). A Mac is not thread-safe, hence one per thread.
     */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    });

    private Hmac() {
    }

    public static byte[] sha256(byte[] key, byte[] data) {
        try {
            Mac mac = MACS.get();
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }

    /** Lower-case hex of the MAC of {@code data} (UTF-8) under {@code key} (UTF-8). */
    public static String sha256Hex(String key, String data) {
        return sha256Hex(key.getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] key, byte[] data) {
        return HexFormat.of().formatHex(sha256(key, data));
    }

    /** Compares two MACs (or their hex) in time independent of where they differ. */
    public static boolean matches(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A 32-byte key for one {@code purpose}, derived from {@code secret}: one configured secret yields a
     * separate key per use, so a key never doubles as another (a token key is not the signing key).
     */
    public static byte[] deriveKey(String secret, String purpose) {
        return sha256(secret.getBytes(StandardCharsets.UTF_8), purpose.getBytes(StandardCharsets.UTF_8));
    }
}
