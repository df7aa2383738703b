package dev.pausepoint.dashboard.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM for what the dashboard leaves in the browser's cookies: unreadable and unalterable without the
 * dashboard's key, and bound to a label (the cookie's name), so one cookie's value never opens as another's.
 * Base64url of a random 96-bit nonce and the ciphertext with its 128-bit tag.
 */
final class Sealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final byte[] label;
    private final SecureRandom random = new SecureRandom();

    Sealer(byte[] key, String label) {
        this.key = new SecretKeySpec(key, "AES");
        this.label = label.getBytes(StandardCharsets.US_ASCII);
    }

    String seal(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(label);
            byte[] sealed = cipher.doFinal(plain);
            return ENCODER.encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** What {@code value} holds, if we sealed it under this label and nobody changed it. */
    Optional<byte[]> open(String value, int maxLength) {
        if (value == null || value.length() > maxLength) {
            return Optional.empty();
        }
        try {
            byte[] bytes = DECODER.decode(value);
            if (bytes.length <= NONCE_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(label);
            return Optional.of(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // Not base64, not ours, altered: the same as no cookie.
            return Optional.empty();
        }
    }
}
