package dev.pausepoint.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PercentEncodingTest {

    private static final String[] PATHS = {"/v1/auth/login", "/v1/auth/register", "/v1/auth/password-reset",
            "/v1/auth/password-reset/confirm", "/reset-password", "/v1/providers/twilio/status",
            "/v1/providers/sendgrid/events", "/v1/billing/webhook", "/v1/pause/psr_1", "/respond/abc.def_-~"};

    /** Any character of a path may be escaped, in either case; every such spelling has one canonical form. */
    @RepeatedTest(200)
    void everySpellingOfAPathHasThePlainPathAsItsCanonicalForm() {
        Random random = new Random();
        for (String path : PATHS) {
            StringBuilder spelled = new StringBuilder();
            for (char c : path.toCharArray()) {
                String hex = String.format("%02x", (int) c);
                spelled.append(c != '/' && random.nextBoolean()
                        ? "%" + (random.nextBoolean() ? hex.toUpperCase() : hex) : String.valueOf(c));
            }
            assertThat(PercentEncoding.isWellFormedPath(spelled.toString())).isTrue();
            assertThat(PercentEncoding.canonical(spelled.toString())).as(spelled.toString()).isEqualTo(path);
            assertThat(PercentEncoding.decode(spelled.toString())).as(spelled.toString()).hasValue(path);
        }
    }

    @ParameterizedTest
    @CsvSource({"/v1/auth/l%256fgin, /v1/auth/l%256fgin", "/a%2fb, /a%2Fb", "/caf%c3%a9, /caf%C3%A9",
            "/a%20b, /a%20b", "/%2e%2E/x, /../x"})
    void escapesOfAnythingButUnreservedCharactersStayEscapes(String raw, String canonical) {
        assertThat(PercentEncoding.canonical(raw)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%00b", "/a%0a", "/a%0D", "/a%7f", "/%e0%80", "/%c0%af", "/%ed%a0%80", "/%ff", "/%80"})
    void textThatIsNotUtf8OrHoldsAControlCharacterHasNoReading(String raw) {
        assertThat(PercentEncoding.isWellFormedPath(raw)).isTrue();
        assertThat(PercentEncoding.decode(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%zz", "/a%", "/a%4", "/a b", "/a{b", "/a\"b", "/a\\b", "/a|b", "/a^b", "/a`b", "/a#b",
            "/a[b]", "/caf\u00e9", "/a?b"})
    void aPathWithACharacterNoUriMayHoldIsNotWellFormed(String raw) {
        assertThat(PercentEncoding.isWellFormedPath(raw)).isFalse();
    }
}
