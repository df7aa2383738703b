package dev.pausepoint.dashboard.web;

import dev.pausepoint.dashboard.web.SessionCookie.Session;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * What the dashboard knows about the browser behind one request: its address (from the gateway's signed
 * identity), its session if it has one, and the CSRF token its forms must carry. Made by
 * {@link BrowserFilter} for every page, read by controllers as a method argument.
 */
public final class Browser {

    static final String ATTRIBUTE = Browser.class.getName();

    private final String clientIp;
    private final Session session;
    private final String csrfToken;

    Browser(String clientIp, Session session, String csrfToken) {
        this.clientIp = clientIp;
        this.session = session;
        this.csrfToken = csrfToken;
    }

    public static Browser of(HttpServletRequest request) {
        Browser browser = (Browser) request.getAttribute(ATTRIBUTE);
        if (browser == null) {
            throw new IllegalStateException("no browser state: " + request.getRequestURI() + " bypassed BrowserFilter");
        }
        return browser;
    }

    public String clientIp() {
        return clientIp;
    }

    public Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    /** The token each form of this page carries as {@code _csrf}. */
    public String csrfToken() {
        return csrfToken;
    }
}
