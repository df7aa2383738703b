package dev.pausepoint.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.dashboard.web.SessionCookie.Session;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SessionCookieTest {

    private static final String SECRET = "session-cookie-test-secret-0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final Session SESSION = new Session("pps_" + "a1".repeat(24), NOW.plusSeconds(3600));

    private final SessionCookie cookies = new SessionCookie(new DashboardKeys(SECRET));

    @Test
    void aSealedSessionOpensToItselfUntilItExpires() {
        String sealed = cookies.seal(SESSION);
        assertThat(cookies.open(sealed, NOW)).contains(SESSION);
        assertThat(cookies.open(sealed, SESSION.expiresAt())).isEmpty();
    }

    @Test
    void theCookieHoldsNeitherTheTokenNorAnythingAScriptCouldReuse() {
        String sealed = cookies.seal(SESSION);
        assertThat(sealed).doesNotContain("pps_").doesNotContain("a1a1a1");
        assertThat(new String(Base64.getUrlDecoder().decode(sealed), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("a1a1a1");
        assertThat(cookies.seal(SESSION)).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void anAlteredTruncatedForeignOrGarbageCookieOpensToNothing() {
        String sealed = cookies.seal(SESSION);
        byte[] bytes = Base64.getUrlDecoder().decode(sealed);
        bytes[bytes.length / 2] ^= 1;
        assertThat(cookies.open(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), NOW)).isEmpty();
        assertThat(cookies.open(sealed.substring(0, sealed.length() - 4), NOW)).isEmpty();
        SessionCookie other = new SessionCookie(new DashboardKeys("another-secret-entirely-0123456789abcdef"));
        assertThat(other.open(sealed, NOW)).as("sealed under another internal secret").isEmpty();
        for (String garbage : new String[] {"", "pps_" + "a".repeat(48), "%%%", "a".repeat(500), "\u0000", "AAAA"}) {
            assertThat(cookies.open(garbage, NOW)).as(garbage).isEmpty();
        }
        assertThat(cookies.open(null, NOW)).isEmpty();
    }
}
