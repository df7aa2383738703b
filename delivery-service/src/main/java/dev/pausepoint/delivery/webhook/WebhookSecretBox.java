package dev.pausepoint.delivery.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps webhook signing secrets encrypted at rest. They cannot be hashed (every delivery signs with
 * the secret itself), so a database dump alone must not reveal them: AES-256-GCM under a key derived
 * from the internal secret, with the webhook id as associated data so a sealed secret cannot be moved
 * to another endpoint's row. Stored as {@code v1.<base64(iv || ciphertext+tag)>}.
 */
public final class WebhookSecretBox {

    private static final String PREFIX = "v1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public WebhookSecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the webhook secret key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public String seal(String webhookId, String secret) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, webhookId, iv, secret.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                .put(iv).put(sealed).array());
    }

    public String open(String webhookId, String stored) {
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown webhook secret format for " + webhookId);
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] iv = new byte[IV_BYTES];
        buffer.get(iv);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return new String(run(Cipher.DECRYPT_MODE, webhookId, iv, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, String webhookId, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(webhookId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // A tag mismatch means the row was altered or the internal secret changed.
            throw new IllegalStateException("cannot open the signing secret of " + webhookId, e);
        }
    }
}
