package dev.pausepoint.delivery.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * SendGrid's signed event webhook: an ECDSA (P-256, SHA-256) signature over the timestamp header
 * followed by the raw body, checked against the account's verification key (base64 DER). The JDK
 * verifies it; no extra crypto provider is needed. The signed timestamp must be within the tolerance
 * of our clock, either way, so a captured batch cannot be replayed later (or stamped ahead to last).
 */
public final class SendGridEventSignature {

    private final PublicKey key;
    private final Duration tolerance;
    private final Clock clock;

    public SendGridEventSignature(String base64PublicKey, Duration tolerance, Clock clock) {
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
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** Returns when the call is SendGrid's and fresh; throws {@link ProviderSignatureException} otherwise. */
    public void verify(byte[] body, String signature, String timestamp) {
        if (key == null || signature == null || timestamp == null) {
            throw new ProviderSignatureException("SendGrid");
        }
        if (!fresh(timestamp)) {
            throw ProviderSignatureException.notFresh("SendGrid", tolerance);
        }
        if (!signed(body, signature, timestamp)) {
            throw new ProviderSignatureException("SendGrid");
        }
    }

    private boolean fresh(String timestamp) {
        try {
            long seconds = Long.parseLong(timestamp);
            return Math.abs(clock.instant().getEpochSecond() - seconds) <= tolerance.toSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private boolean signed(byte[] body, String signature, String timestamp) {
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
