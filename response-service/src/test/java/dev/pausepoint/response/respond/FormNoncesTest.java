package dev.pausepoint.response.respond;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.testsupport.MutableClock;
import dev.pausepoint.testsupport.TestSecrets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FormNoncesTest {

    private final MutableClock clock = new MutableClock();
    private final FormNonces nonces = new FormNonces(TestSecrets.INTERNAL_SECRET, clock);

    @Test
    void aNonceIsValidForItsTokenForADay() {
        clock.freeze();
        String nonce = nonces.issue("token-a");
        assertThat(nonces.valid("token-a", nonce)).isTrue();
        assertThat(nonces.valid("token-b", nonce)).as("bound to its token").isFalse();
        clock.advance(FormNonces.LIFETIME);
        assertThat(nonces.valid("token-a", nonce)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(nonces.valid("token-a", nonce)).as("a day and a second old").isFalse();
    }

    @Test
    void anotherSecretsOrAFutureNonceIsInvalid() {
        clock.freeze();
        String foreign = new FormNonces("another-internal-secret-of-32-chars!!", clock).issue("token-a");
        assertThat(nonces.valid("token-a", foreign)).isFalse();
        clock.advance(Duration.ofMinutes(5));
        String future = nonces.issue("token-a");
        clock.advance(Duration.ofMinutes(-5));
        assertThat(nonces.valid("token-a", future)).as("issued five minutes from now").isFalse();
    }

    @Test
    void malformedNoncesAreInvalidNotErrors() {
        for (String garbage : new String[] {null, "", ".", "abc", "1.", "x.y", "-1.AAAA", "9".repeat(30) + ".A",
                "1".repeat(65)}) {
            assertThat(nonces.valid("token-a", garbage)).as(String.valueOf(garbage)).isFalse();
        }
    }
}
