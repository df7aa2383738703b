package dev.pausepoint.kit.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.identity.CredentialHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Sha256Test {

    @Test
    void isTheStandardDigestInLowerCaseHex() {
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    /**
     * Fingerprints already stored (idempotency keys' request hashes, spent response tokens) were made with
     * the credential hash; they must still match after the move.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "{\"channel\":\"sms\",\"options\":[\"yes\",\"no\"]}", "AbCdEf.0123456789-_", "é ü 😀"})
    void matchesWhatWasStoredBeforeTheMove(String text) {
        assertThat(Sha256.hex(text)).isEqualTo(CredentialHash.of(text));
    }
}
