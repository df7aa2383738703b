package dev.pausepoint.identity;

import java.util.Objects;

/**
 * Who is calling, as resolved by the gateway. Anonymous callers (public routes) carry only their IP.
 * A session acts in the world its client named (the gateway's {@code PausePoint-Mode} header, live by default).
 * {@code accountName} is the name the developer registered with, so a pause can tell its human who asks;
 * null when the resolver did not learn it (docs/trust-boundary.md).
 */
public record CallerIdentity(String developerId, KeyMode mode, String plan, CredentialKind credential,
        String clientIp, String accountName) {

    public CallerIdentity {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(clientIp, "clientIp");
        if (credential == CredentialKind.NONE) {
            if (developerId != null || mode != null || plan != null || accountName != null) {
                throw new IllegalArgumentException("an anonymous caller has no developer, mode, plan or account name");
            }
        } else {
            Objects.requireNonNull(developerId, "developerId");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(plan, "plan");
        }
    }

    /** A caller whose account name is not known (callers built before the name was carried, tests). */
    public CallerIdentity(String developerId, KeyMode mode, String plan, CredentialKind credential, String clientIp) {
        this(developerId, mode, plan, credential, clientIp, null);
    }

    public static CallerIdentity anonymous(String clientIp) {
        return new CallerIdentity(null, null, null, CredentialKind.NONE, clientIp, null);
    }

    public boolean authenticated() {
        return credential != CredentialKind.NONE;
    }

    public boolean livemode() {
        return mode == KeyMode.LIVE;
    }

    /**
     * This caller, if it presented a valid credential; otherwise {@link UnauthenticatedCallerException},
     * which a servlet service answers with 401 INVALID_API_KEY.
     */
    public CallerIdentity requireAuthenticated() {
        if (!authenticated()) {
            throw new UnauthenticatedCallerException();
        }
        return this;
    }
}
