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
    void shortKeysAreRefused() {
        assertThatThrownBy(() -> new ResponseTokenCodec(Map.of(1, new byte[16]), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
