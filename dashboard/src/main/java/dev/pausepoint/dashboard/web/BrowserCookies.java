package dev.pausepoint.dashboard.web;

import dev.pausepoint.dashboard.web.SessionCookie.Session;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Writes the dashboard's two cookies, both limited to {@code /dashboard}, HttpOnly, SameSite=Lax, and
 * Secure outside a local run over plain http: the sealed session ({@link SessionCookie}), which lives as
 * long as the API session it holds, and the CSRF value ({@link Csrf}), which ends with the browser.
 */
public class BrowserCookies {

    private final SessionCookie sessions;
    private final boolean secure;
    private final Clock clock;

    public BrowserCookies(SessionCookie sessions, boolean secure, Clock clock) {
        this.sessions = sessions;
        this.secure = secure;
        this.clock = clock;
    }

    /** Signs the browser in with {@code session} from here on. */
    public void signIn(HttpServletResponse response, Session session) {
        Duration left = Duration.between(clock.instant(), session.expiresAt());
        response.addHeader(HttpHeaders.SET_COOKIE, header(SessionCookie.NAME, sessions.seal(session),
                left.isNegative() ? Duration.ZERO : left));
    }

    public void signOut(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, header(SessionCookie.NAME, "", Duration.ZERO));
    }

    void csrf(HttpServletResponse response, String value) {
        response.addHeader(HttpHeaders.SET_COOKIE, header(Csrf.COOKIE, value, null));
    }

    /** Any other cookie of the dashboard, with the same attributes; a zero {@code maxAge} deletes it. */
    void write(HttpServletResponse response, String name, String value, Duration maxAge) {
        response.addHeader(HttpHeaders.SET_COOKIE, header(name, value, maxAge));
    }

    private String header(String name, String value, Duration maxAge) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(name, value).path("/dashboard").httpOnly(true)
                .secure(secure).sameSite("Lax");
        if (maxAge != null) {
            cookie.maxAge(maxAge);
        }
        return cookie.build().toString();
    }
}
