package dev.pausepoint.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsrfTest {

    private final Csrf csrf = new Csrf(new DashboardKeys("csrf-test-secret-0123456789abcdef0123"));
    private final String cookie = csrf.newCookieValue();
    private static final String SESSION = "pps_" + "b".repeat(48);

    @Test
    void theTokenOfACookieAndSessionMatchesOnlyThem() {
        String token = csrf.token(cookie, SESSION);
        assertThat(csrf.matches(token, cookie, SESSION)).isTrue();
        assertThat(csrf.matches(token, csrf.newCookieValue(), SESSION)).as("another browser's cookie").isFalse();
        assertThat(csrf.matches(token, cookie, "pps_" + "c".repeat(48))).as("another session").isFalse();
        assertThat(csrf.matches(token, cookie, null)).as("signed out").isFalse();
        assertThat(csrf.matches(csrf.token(cookie, null), cookie, SESSION)).as("a token from before sign-in")
                .isFalse();
    }

    @Test
    void nothingButTheTokenMatches() {
        assertThat(csrf.matches(null, cookie, SESSION)).isFalse();
        assertThat(csrf.matches("", cookie, SESSION)).isFalse();
        assertThat(csrf.matches(cookie, cookie, SESSION)).as("the cookie's own value").isFalse();
        assertThat(csrf.matches(csrf.token(cookie, SESSION), null, SESSION)).as("no cookie").isFalse();
        assertThat(csrf.matches(csrf.token(cookie, SESSION) + "\u0000", cookie, SESSION)).isFalse();
    }

    @Test
    void aNewCookieValueHasTheFormTheFilterAccepts() {
        for (int i = 0; i < 100; i++) {
            assertThat(csrf.newCookieValue()).matches(Csrf.COOKIE_VALUE);
        }
        assertThat(Csrf.COOKIE_VALUE.matcher("").matches()).isFalse();
        assertThat(Csrf.COOKIE_VALUE.matcher("a".repeat(33)).matches()).isFalse();
    }

    @Test
    void anotherDeploymentsKeyGivesOtherTokens() {
        Csrf other = new Csrf(new DashboardKeys("another-secret-entirely-0123456789abcdef"));
        assertThat(other.token(cookie, SESSION)).isNotEqualTo(csrf.token(cookie, SESSION));
    }
}
