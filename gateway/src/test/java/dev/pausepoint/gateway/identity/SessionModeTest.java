package dev.pausepoint.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class SessionModeTest {

    private static final ResolvedCredential SESSION = new ResolvedCredential("dev_1", KeyMode.LIVE, "free",
            CredentialKind.SESSION, "Acme");
    private static final ResolvedCredential LIVE_KEY = new ResolvedCredential("dev_1", KeyMode.LIVE, "free",
            CredentialKind.API_KEY, "Acme");
    private static final ResolvedCredential TEST_KEY = new ResolvedCredential("dev_1", KeyMode.TEST, "free",
            CredentialKind.API_KEY, "Acme");

    private static HttpHeaders mode(String... values) {
        HttpHeaders headers = new HttpHeaders();
        for (String value : values) {
            headers.add("PausePoint-Mode", value);
        }
        return headers;
    }

    @Test
    void aSessionActsLiveUnlessItNamesTheTestWorld() {
        assertThat(SessionMode.of(SESSION, mode())).isEqualTo(KeyMode.LIVE);
        assertThat(SessionMode.of(SESSION, mode("live"))).isEqualTo(KeyMode.LIVE);
        assertThat(SessionMode.of(SESSION, mode("test"))).isEqualTo(KeyMode.TEST);
    }

    @Test
    void anApiKeyActsInItsOwnModeAndMayConfirmIt() {
        assertThat(SessionMode.of(TEST_KEY, mode())).isEqualTo(KeyMode.TEST);
        assertThat(SessionMode.of(TEST_KEY, mode("test"))).isEqualTo(KeyMode.TEST);
        assertThat(SessionMode.of(LIVE_KEY, mode("live"))).isEqualTo(KeyMode.LIVE);
    }

    @Test
    void anApiKeyNamingTheOtherWorldIsKeyModeNotAllowed() {
        assertThatThrownBy(() -> SessionMode.of(LIVE_KEY, mode("test"))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_MODE_NOT_ALLOWED));
        assertThatThrownBy(() -> SessionMode.of(TEST_KEY, mode("live"))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_MODE_NOT_ALLOWED));
    }

    @Test
    void anythingButOneLiveOrTestIsAValidationErrorOnTheHeader() {
        for (String[] values : new String[][] {{"TEST"}, {"sandbox"}, {""}, {"test\u0000"}, {"live", "test"},
                {"test", "test"}, {"t\u00e9st"}, {"live, test"}, {" test"}}) {
            assertThatThrownBy(() -> SessionMode.of(SESSION, mode(values))).as(String.join("|", values))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.issues()).singleElement()
                                    .satisfies(issue -> assertThat(issue.field()).isEqualTo("PausePoint-Mode")));
        }
    }
}
