package dev.pausepoint.dashboard.web;

import dev.pausepoint.dashboard.web.SessionCookie.Session;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.identity.UntrustedRequestException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * The browser side of every request, before any controller:
 * <ol>
 *   <li>the request must come through the gateway: its signed identity (docs/trust-boundary.md) gives the
 *   browser's address, which the dashboard vouches for when it calls the API;</li>
 *   <li>the session cookie is opened ({@link SessionCookie}) and the CSRF cookie made if missing;</li>
 *   <li>a request that may change something (anything but GET and HEAD) needs the form's CSRF token and
 *   must not come from another site ({@code Sec-Fetch-Site}), or it is refused with 403 before any
 *   controller or API call, so nothing changes.</li>
 * </ol>
 */
public class BrowserFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");
    private static final String ASSETS = "/dashboard/assets/";
    /** What a browser says about a request's origin that we accept for a form: ours, or typed by the user. */
    private static final Set<String> SAME_ORIGIN = Set.of("same-origin", "none");

    private final RequestSigner signer;
    private final SessionCookie sessions;
    private final Csrf csrf;
    private final Pages pages;
    private final BrowserCookies cookies;
    private final Clock clock;

    public BrowserFilter(RequestSigner signer, SessionCookie sessions, Csrf csrf, Pages pages, BrowserCookies cookies,
            Clock clock) {
        this.signer = signer;
        this.sessions = sessions;
        this.csrf = csrf;
        this.pages = pages;
        this.cookies = cookies;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Path parameters removed, as the container and Spring's matching remove them before choosing a page:
        // /dashboard;p=1/signin reaches the sign-in page, so it must meet this filter too.
        String path = request.getRequestURI().replaceAll(";[^/]*", "");
        return !(path.equals("/dashboard") || path.startsWith("/dashboard/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CallerIdentity caller;
        try {
            caller = signer.verifyIdentity(request::getHeader, request.getMethod(), request.getRequestURI());
        } catch (UntrustedRequestException e) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "The dashboard is served through the gateway.");
            return;
        }
        if (request.getRequestURI().startsWith(ASSETS)) {
            // The stylesheet and script are public and cached for a year, possibly by a shared cache: they carry
            // no cookie, so no cache can hand one browser's CSRF value to another.
            chain.doFilter(request, response);
            return;
        }
        Session session = sessions.open(cookie(request, SessionCookie.NAME), clock.instant()).orElse(null);
        String csrfCookie = cookie(request, Csrf.COOKIE);
        // Only a value of the form this dashboard issues: one planted from elsewhere (a sibling domain's cookie)
        // is replaced, not trusted.
        if (csrfCookie == null || !Csrf.COOKIE_VALUE.matcher(csrfCookie).matches()) {
            csrfCookie = csrf.newCookieValue();
            cookies.csrf(response, csrfCookie);
        }
        String sessionToken = session == null ? null : session.token();
        Browser browser = new Browser(caller.clientIp(), session, csrf.token(csrfCookie, sessionToken));
        request.setAttribute(Browser.ATTRIBUTE, browser);
        if (!SAFE_METHODS.contains(request.getMethod()) && !formIsOurs(request, csrfCookie, sessionToken)) {
            refuse(response, browser);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean formIsOurs(HttpServletRequest request, String csrfCookie, String sessionToken) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !SAME_ORIGIN.contains(site)) {
            return false;
        }
        return csrf.matches(request.getParameter(Csrf.FIELD), csrfCookie, sessionToken);
    }

    private void refuse(HttpServletResponse response, Browser browser) throws IOException {
        ResponseEntity<String> page = pages.render(403, "dashboard/problem.jte", new Problem(
                Frame.signedOut("Form expired", browser), "This form has expired",
                "Nothing was changed. The page the form was on was too old, or the request did not come from "
                        + "this dashboard. Go back, reload the page and try again.", "/dashboard"));
        response.setStatus(page.getStatusCode().value());
        page.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.getWriter().write(page.getBody());
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie cookie = WebUtils.getCookie(request, name);
        return cookie == null ? null : cookie.getValue();
    }
}
