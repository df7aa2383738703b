package dev.pausepoint.dashboard.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dashboard's session cookie: the developer's API session token ({@code pps_...}) and its expiry,
 * sealed with AES-GCM under a key only the dashboard holds. The browser keeps it HttpOnly, so no script
 * can read it, and what it keeps is useless without the dashboard: the cookie is not a bearer token for
 * the API, and it cannot be altered or moved to another cookie name without failing to open.
 */
public final class SessionCookie {

    public static final String NAME = "pp_session";

    private static final Pattern SESSION_TOKEN = Pattern.compile("pps_[0-9a-f]{48}");
    private static final byte[] ASSOCIATED = NAME.getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SessionCookie(DashboardKeys keys) {
        this.key = new SecretKeySpec(keys.cookieKey(), "AES");
    }

    /** What the cookie holds once opened. */
    public record Session(String token, Instant expiresAt) {
    }

    public String seal(Session session) {
        byte[] token = session.token().getBytes(StandardCharsets.US_ASCII);
        byte[] plain = ByteBuffer.allocate(Long.BYTES + token.length).putLong(session.expiresAt().getEpochSecond())
                .put(token).array();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ASSOCIATED);
            byte[] sealed = cipher.doFinal(plain);
            return ENCODER.encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The session in {@code value}, if it was sealed by us and has not expired at {@code now}. */
    public Optional<Session> open(String value, Instant now) {
        if (value == null || value.length() > 200) {
            return Optional.empty();
        }
        try {
            byte[] bytes = DECODER.decode(value);
            if (bytes.length <= NONCE_BYTES + TAG_BITS / 8 + Long.BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(ASSOCIATED);
            ByteBuffer plain = ByteBuffer.wrap(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES));
            Instant expiresAt = Instant.ofEpochSecond(plain.getLong());
            String token = StandardCharsets.US_ASCII.decode(plain).toString();
            if (!SESSION_TOKEN.matcher(token).matches() || !now.isBefore(expiresAt)) {
                return Optional.empty();
            }
            return Optional.of(new Session(token, expiresAt));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // Not base64, not ours, altered: the same as no cookie.
            return Optional.empty();
        }
    }
}
