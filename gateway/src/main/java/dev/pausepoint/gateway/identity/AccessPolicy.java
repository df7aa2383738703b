package dev.pausepoint.gateway.identity;

import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * What each public path asks of its caller, and which rate-limit family it falls in. The gateway
 * decides this once per request, on the canonical path ({@code routing.CanonicalPathFilter}), which is
 * the path the service routes on; the services then trust the signed result.
 */
public final class AccessPolicy {

    public enum Access {
        /** register, login, password reset: no credential, the strict per-IP limit. */
        AUTH_ENDPOINT,
        /** the human's response routes and page, {@code /health}: no credential, per-IP limit. */
        PUBLIC,
        /** a POST to a documented callback path of Paddle, Twilio or SendGrid: verified by signature in the service. */
        PROVIDER_CALLBACK,
        /** {@code /v1/auth/**} and {@code /v1/billing/**}: an API key or a dashboard session. */
        KEY_OR_SESSION,
        /** everything an agent does: an API key. */
        API_KEY
    }

    /** The callback paths given to the providers; no other path under {@code /v1/providers} is routed. */
    public static final Set<String> PROVIDER_CALLBACKS = Set.of("/v1/billing/webhook", "/v1/providers/twilio/status",
            "/v1/providers/sendgrid/events");

    private AccessPolicy() {
    }

    public static Access classify(HttpMethod method, String path) {
        if (path.equals("/v1/auth/register") || path.equals("/v1/auth/login")
                || path.equals("/v1/auth/password-reset") || path.equals("/v1/auth/password-reset/confirm")
                || path.equals("/reset-password")) {
            return Access.AUTH_ENDPOINT;
        }
        if (HttpMethod.POST.equals(method) && PROVIDER_CALLBACKS.contains(path)) {
            return Access.PROVIDER_CALLBACK;
        }
        if (under(path, "/v1/auth") || under(path, "/v1/billing")) {
            return Access.KEY_OR_SESSION;
        }
        if (under(path, "/v1/pause") || under(path, "/v1/audit") || under(path, "/v1/webhooks")) {
            return Access.API_KEY;
        }
        return Access.PUBLIC;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
