package dev.pausepoint.delivery.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * SendGrid's signed event webhook: an ECDSA (P-256, SHA-256) signature over the timestamp header
 * followed by the raw body, checked against the account's verification key (base64 DER). The JDK
 * verifies it; no extra crypto provider is needed.
 */
public final class SendGridEventSignature {

    private final PublicKey key;

    public SendGridEventSignature(String base64PublicKey) {
        PublicKey parsed = null;
        if (base64PublicKey != null && !base64PublicKey.isBlank()) {
            try {
                parsed = KeyFactory.getInstance("EC").generatePublic(
                        new X509EncodedKeySpec(Base64.getDecoder().decode(base64PublicKey.trim())));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("SENDGRID_EVENT_PUBLIC_KEY is not a base64 EC public key", e);
            }
        }
        this.key = parsed;
    }

    public boolean verifies(byte[] body, String signature, String timestamp) {
        if (key == null || signature == null || timestamp == null) {
            return false;
        }
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initVerify(key);
            ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
            ecdsa.update(body);
            return ecdsa.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
