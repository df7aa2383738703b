package dev.pausepoint.response.respond;

import dev.pausepoint.identity.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The hosted form's CSRF nonce: {@code <issued unix seconds>.<base64url HMAC(token, issued)>} with a key of
 * its own. It is bound to the link's token, so a nonce from one page never answers another link, and
 * it is only minted when the confirmation page is rendered, so a POST must come from that page. Being
 * stateless, it survives restarts and works on every instance. It stays valid for a day: people leave
 * a tab open, and an older page just asks them to confirm once more.
 */
@Component
public class FormNonces {

    static final Duration LIFETIME = Duration.ofHours(24);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final int MAC_BYTES = 16;

    private final byte[] key;
    private final Clock clock;

    public FormNonces(@Value("${pausepoint.internal-secret}") String internalSecret, Clock clock) {
        this.key = Hmac.deriveKey(internalSecret, "pausepoint/response-form-nonce/1");
        this.clock = clock;
    }

    public String issue(String token) {
        long issued = clock.instant().getEpochSecond();
        return issued + "." + mac(token, issued);
    }

    public boolean valid(String token, String nonce) {
        if (nonce == null || nonce.length() > 64) {
            return false;
        }
        int dot = nonce.indexOf('.');
        long issued;
        try {
            issued = Long.parseLong(nonce.substring(0, Math.max(dot, 0)));
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (issued > now + CLOCK_SKEW.toSeconds() || now - issued > LIFETIME.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(mac(token, issued).getBytes(StandardCharsets.US_ASCII),
                nonce.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String token, long issued) {
        byte[] full = Hmac.sha256(key, (token + "|" + issued).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, MAC_BYTES));
    }
}
