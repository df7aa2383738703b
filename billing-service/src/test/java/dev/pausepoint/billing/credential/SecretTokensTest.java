package dev.pausepoint.billing.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretTokensTest {

    @Test
    void tokensArePrefixAndFortyEightLowercaseHex() {
        String key = SecretTokens.generate(SecretTokens.LIVE_KEY);
        assertThat(key).matches("pp_live_[0-9a-f]{48}");
        assertThat(SecretTokens.wellFormed(key, SecretTokens.LIVE_KEY)).isTrue();
        assertThat(SecretTokens.wellFormed(key, SecretTokens.TEST_KEY)).isFalse();
        assertThat(SecretTokens.wellFormed(key.toUpperCase(), SecretTokens.LIVE_KEY)).isFalse();
        assertThat(SecretTokens.wellFormed(key + "0", SecretTokens.LIVE_KEY)).isFalse();
        assertThat(SecretTokens.displayPrefix(key)).hasSize(12).isEqualTo(key.substring(0, 12));
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(SecretTokens.generate(SecretTokens.SESSION))).isTrue();
        }
    }

    @Test
    void hashIsSha256Hex() {
        assertThat(SecretTokens.sha256("test"))
                .isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }
}
