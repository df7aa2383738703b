package dev.pausepoint.dashboard.web;

import dev.pausepoint.identity.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF protection for every form (docs/dashboard.md, "Security"): a random value in an HttpOnly,
 * SameSite=Lax cookie of its own, and in each form an HMAC of that value and of the session under a
 * key only the dashboard holds. A page on another site can make the browser send the cookies but can
 * neither read them nor compute the form's token; binding the session means a token taken before
 * signing in (or from another account) stops working once the session changes. Signed-out forms (sign
 * in, sign up) are covered too, so another site cannot sign a visitor into an account of its choosing.
 */
public final class Csrf {

    public static final String COOKIE = "pp_csrf";
    public static final String FIELD = "_csrf";
    /** What {@link #newCookieValue()} makes: 24 random bytes in base64url. */
    static final java.util.regex.Pattern COOKIE_VALUE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{32}");

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    public Csrf(DashboardKeys keys) {
        this.key = keys.csrfKey();
    }

    /** A new value for the cookie. */
    String newCookieValue() {
        byte[] value = new byte[24];
        random.nextBytes(value);
        return ENCODER.encodeToString(value);
    }

    /** The token forms carry, for this cookie value and session token (empty when signed out). */
    String token(String cookieValue, String sessionToken) {
        String bound = cookieValue + "\n" + (sessionToken == null ? "" : sessionToken);
        return ENCODER.encodeToString(Hmac.sha256(key, bound.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code presented} is the token of this cookie and session, compared in constant time. */
    boolean matches(String presented, String cookieValue, String sessionToken) {
        if (presented == null || cookieValue == null) {
            return false;
        }
        return MessageDigest.isEqual(token(cookieValue, sessionToken).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
