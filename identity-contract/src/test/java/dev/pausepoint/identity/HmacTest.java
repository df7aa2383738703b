package dev.pausepoint.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The per-thread Mac is initialised with each call's own key: one call's key never leaks into the next. */
class HmacTest {

    // RFC 4231, test cases 1 and 2.
    private static final byte[] KEY_1 = new byte[20];
    private static final String MAC_1 = "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";
    private static final String MAC_2 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    static {
        Arrays.fill(KEY_1, (byte) 0x0b);
    }

    @Test
    void eachCallUsesItsOwnKeyOnTheSameThread() {
        byte[] hiThere = "Hi There".getBytes(StandardCharsets.UTF_8);
        byte[] jefe = "Jefe".getBytes(StandardCharsets.UTF_8);
        byte[] question = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
        assertThat(Hmac.sha256Hex(KEY_1, hiThere)).isEqualTo(MAC_1);
        assertThat(Hmac.sha256Hex(jefe, question)).isEqualTo(MAC_2);
        assertThat(Hmac.sha256Hex(KEY_1, hiThere)).isEqualTo(MAC_1);
    }

    @Test
    void threadsDoNotShareAMac() throws InterruptedException {
        byte[] hiThere = "Hi There".getBytes(StandardCharsets.UTF_8);
        String[] seen = new String[2];
        Thread other = new Thread(() -> seen[1] = Hmac.sha256Hex("Jefe", "what do ya want for nothing?"));
        seen[0] = Hmac.sha256Hex(KEY_1, hiThere);
        other.start();
        other.join(10_000);
        assertThat(seen).containsExactly(MAC_1, MAC_2);
    }
}
