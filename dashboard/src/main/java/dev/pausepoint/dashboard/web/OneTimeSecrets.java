package dev.pausepoint.dashboard.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.web.util.WebUtils;

/**
 * What a form's result shows once (new API keys, a webhook's signing secret), carried from the form's POST
 * to the page it redirects to in a sealed, HttpOnly cookie that lives two minutes and is cleared when the
 * page reads it. So the page is a GET: reloading it, or going back to it, cannot rotate a key or add an
 * endpoint again (the browser would otherwise offer to post the form anew), and the secret is not shown
 * a second time.
 */
public final class OneTimeSecrets {

    public static final String NAME = "pp_once";
    static final Duration LIFETIME = Duration.ofMinutes(2);
    private static final char SEPARATOR = '\0';

    private final Sealer sealer;
    private final BrowserCookies cookies;
    private final Clock clock;

    public OneTimeSecrets(DashboardKeys keys, BrowserCookies cookies, Clock clock) {
        this.sealer = new Sealer(keys.cookieKey(), NAME);
        this.cookies = cookies;
        this.clock = clock;
    }

    /** Keeps {@code values} for the next page that takes {@code kind}. Values never hold NUL (the API refuses it). */
    public void keep(HttpServletResponse response, String kind, List<String> values) {
        List<String> parts = new ArrayList<>();
        parts.add(kind);
        parts.add(String.valueOf(clock.instant().plus(LIFETIME).getEpochSecond()));
        parts.addAll(values);
        cookies.write(response, NAME, sealer.seal(String.join(String.valueOf(SEPARATOR), parts)
                .getBytes(StandardCharsets.UTF_8)), LIFETIME);
    }

    /** The values kept for {@code kind}, once: the cookie is cleared whatever it held. */
    public Optional<List<String>> take(HttpServletRequest request, HttpServletResponse response, String kind) {
        Cookie cookie = WebUtils.getCookie(request, NAME);
        if (cookie == null) {
            return Optional.empty();
        }
        String value = cookie.getValue();
        cookies.write(response, NAME, "", Duration.ZERO);
        Instant now = clock.instant();
        return sealer.open(value, 4096).map(plain -> Arrays.asList(new String(plain, StandardCharsets.UTF_8)
                .split(String.valueOf(SEPARATOR), -1)))
                .filter(parts -> parts.size() >= 2 && parts.get(0).equals(kind)
                        && now.isBefore(Instant.ofEpochSecond(Long.parseLong(parts.get(1)))))
                .map(parts -> List.copyOf(parts.subList(2, parts.size())));
    }
}
