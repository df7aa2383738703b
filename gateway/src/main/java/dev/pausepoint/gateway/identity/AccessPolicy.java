package dev.pausepoint.gateway.identity;

import java.util.List;
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
        /**
         * The rest of the API: an API key, or a session (the dashboard's), which names its world in
         * {@code PausePoint-Mode} ({@link SessionMode}).
         */
        CREDENTIAL
    }

    /** The callback paths given to the providers; no other path under {@code /v1/providers} is routed. */
    public static final Set<String> PROVIDER_CALLBACKS = Set.of("/v1/billing/webhook", "/v1/providers/twilio/status",
            "/v1/providers/sendgrid/events");

    /** The paths that need a credential; the other routed paths are public or callbacks. */
    private static final List<String> CREDENTIAL_PREFIXES = List.of("/v1/pause", "/v1/audit", "/v1/webhooks",
            "/v1/deliveries", "/v1/stats", "/v1/auth", "/v1/billing", "/mcp");

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
        if (CREDENTIAL_PREFIXES.stream().anyMatch(prefix -> under(path, prefix))) {
            return Access.CREDENTIAL;
        }
        return Access.PUBLIC;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
