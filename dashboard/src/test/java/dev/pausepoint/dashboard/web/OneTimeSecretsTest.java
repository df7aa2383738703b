package dev.pausepoint.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class OneTimeSecretsTest {

    private static final DashboardKeys KEYS = new DashboardKeys("one-time-secrets-test-secret-0123456789abcdef");
    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

    private static OneTimeSecrets at(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new OneTimeSecrets(KEYS, new BrowserCookies(new SessionCookie(KEYS), true, clock), clock);
    }

    /** The cookie the form's answer set, as the browser sends it to the next page. */
    private static MockHttpServletRequest nextPage(MockHttpServletResponse form) {
        String setCookie = form.getHeader("Set-Cookie");
        assertThat(setCookie).startsWith(OneTimeSecrets.NAME + "=").contains("HttpOnly").contains("Max-Age=120")
                .contains("Path=/dashboard");
        String value = setCookie.substring(OneTimeSecrets.NAME.length() + 1, setCookie.indexOf(';'));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie(OneTimeSecrets.NAME, value));
        return request;
    }

    @Test
    void whatAFormKeepsIsTakenOnceAndTheCookieCleared() {
        MockHttpServletResponse form = new MockHttpServletResponse();
        at(NOW).keep(form, "new-key", List.of("test", "pp_test_" + "a".repeat(48)));
        MockHttpServletRequest page = nextPage(form);
        assertThat(form.getHeader("Set-Cookie")).doesNotContain("pp_test_");
        MockHttpServletResponse shown = new MockHttpServletResponse();
        assertThat(at(NOW).take(page, shown, "new-key")).contains(List.of("test", "pp_test_" + "a".repeat(48)));
        assertThat(shown.getHeader("Set-Cookie")).startsWith(OneTimeSecrets.NAME + "=;").contains("Max-Age=0");
    }

    @Test
    void anotherPagesKindAnExpiredOrAnAlteredCookieGivesNothing() {
        MockHttpServletResponse form = new MockHttpServletResponse();
        at(NOW).keep(form, "new-key", List.of("live", "pp_live_" + "b".repeat(48)));
        MockHttpServletRequest page = nextPage(form);
        assertThat(at(NOW).take(page, new MockHttpServletResponse(), "webhook-secret")).isEmpty();
        assertThat(at(NOW.plusSeconds(121)).take(page, new MockHttpServletResponse(), "new-key")).isEmpty();
        MockHttpServletRequest altered = new MockHttpServletRequest();
        String value = page.getCookies()[0].getValue();
        altered.setCookies(new Cookie(OneTimeSecrets.NAME, value.substring(0, value.length() - 2) + "AA"));
        assertThat(at(NOW).take(altered, new MockHttpServletResponse(), "new-key")).isEmpty();
        assertThat(at(NOW).take(new MockHttpServletRequest(), new MockHttpServletResponse(), "new-key")).isEmpty();
    }
}
