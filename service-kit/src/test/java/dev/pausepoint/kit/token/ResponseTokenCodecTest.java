package dev.pausepoint.kit.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pausepoint.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResponseTokenCodecTest {

    private static final byte[] KEY_1 = "first-response-token-key-of-32-bytes!".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEY_2 = "second-response-token-key-of-32-bytes".getBytes(StandardCharsets.UTF_8);
    private static final String PAUSE = "psr_" + UUID.randomUUID();
    private static final Instant EXPIRY = Instant.parse("2026-11-26T16:00:00Z");

    private final ResponseTokenCodec codec = new ResponseTokenCodec(Map.of(1, KEY_1), 1);

    private static String errorOf(Runnable action) {
        try {
            action.run();
            return "accepted";
        } catch (ApiException e) {
            return e.code().name();
        }
    }

    @Test
    void aTokenNamesItsPauseAndExpiryAndFitsAnSmsLink() {
        String token = codec.issue(PAUSE, EXPIRY);
        assertThat(token).hasSizeLessThanOrEqualTo(80).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(codec.verify(token)).isEqualTo(new ResponseToken(PAUSE, EXPIRY, 1));
    }

    @Test
    void changingAnySingleCharacterMakesItInvalid() {
        String token = codec.issue(PAUSE, EXPIRY);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        for (int i = 0; i < token.length(); i++) {
            for (char replacement : new char[] {alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 1) % alphabet.length()), '.'}) {
                if (replacement == token.charAt(i)) {
                    continue;
                }
                String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
                assertThat(errorOf(() -> codec.verify(tampered))).as("position %d -> %s", i, replacement)
                        .isEqualTo("INVALID_TOKEN");
            }
        }
    }

    @Test
    void garbageIsInvalidNotAnError() {
        for (String garbage : new String[] {"", ".", "abc", "abc.def", "!!!.???", "x".repeat(81), null}) {
            assertThat(errorOf(() -> codec.verify(garbage))).isEqualTo("INVALID_TOKEN");
        }
    }

    @Test
    void anotherKeysTokenIsInvalid() {
        String foreign = new ResponseTokenCodec(Map.of(1, KEY_2), 1).issue(PAUSE, EXPIRY);
        assertThat(errorOf(() -> codec.verify(foreign))).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void afterRotationOldTokensStillVerifyAndNewOnesUseTheNewKey() {
        String old = codec.issue(PAUSE, EXPIRY);
        ResponseTokenCodec rotated = new ResponseTokenCodec(Map.of(1, KEY_1, 2, KEY_2), 2);
        assertThat(rotated.verify(old).keyId()).isEqualTo(1);
        String fresh = rotated.issue(PAUSE, EXPIRY);
        assertThat(rotated.verify(fresh).keyId()).isEqualTo(2);
        assertThat(errorOf(() -> codec.verify(fresh))).as("a key this instance does not know").isEqualTo("INVALID_TOKEN");
    }

    @Test
    void expiryIsReadNotJudged() {
        ResponseToken token = codec.verify(codec.issue(PAUSE, EXPIRY));
        assertThat(token.expiredAt(EXPIRY.minusSeconds(1))).isFalse();
        assertThat(token.expiredAt(EXPIRY)).isTrue();
    }

    @Test
    void eachSlotHasItsOwnLinkThatNamesTheSameExpiringPauseAndStaysShort() {
        String own = codec.issue(PAUSE, EXPIRY);
        assertThat(codec.issue(PAUSE, EXPIRY, 0)).as("slot 0 is the version-1 token, byte for byte").isEqualTo(own);
        for (int slot = 1; slot <= 3; slot++) {
            String token = codec.issue(PAUSE, EXPIRY, slot);
            assertThat(token).isNotEqualTo(own).hasSizeLessThanOrEqualTo(80).hasSize(54);
            assertThat(codec.verify(token)).isEqualTo(new ResponseToken(PAUSE, EXPIRY, 1, slot));
        }
        assertThat(codec.verify(own).slot()).isZero();
    }

    @Test
    void aSlottedTokenTamperedAnywhereOrNamingSlotZeroIsInvalid() {
        String token = codec.issue(PAUSE, EXPIRY, 2);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') {
                continue;
            }
            char replacement = alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 1) % alphabet.length());
            String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThat(errorOf(() -> codec.verify(tampered))).as("position %d", i).isEqualTo("INVALID_TOKEN");
        }
        // A correctly signed version-2 payload for slot 0 would be a second string for the version-1 link.
        byte[] payload = java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
        payload[payload.length - 1] = 0;
        byte[] mac = java.util.Arrays.copyOf(dev.pausepoint.identity.Hmac.sha256(KEY_1, payload), 16);
        java.util.Base64.Encoder encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        String slotZero = encoder.encodeToString(payload) + "." + encoder.encodeToString(mac);
        assertThat(errorOf(() -> codec.verify(slotZero))).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void shortKeysAreRefused() {
        assertThatThrownBy(() -> new ResponseTokenCodec(Map.of(1, new byte[16]), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
