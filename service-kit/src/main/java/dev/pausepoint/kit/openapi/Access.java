package dev.pausepoint.kit.openapi;

/** The credential an operation asks for at the gateway (docs/trust-boundary.md). */
public enum Access {
    /** No credential; limited per client address. */
    NONE,
    /** An API key ({@code pp_live_...} or {@code pp_test_...}). */
    API_KEY,
    /** An API key or a session, which names its world in {@code PausePoint-Mode}. */
    CREDENTIAL,
    /** A session only; an API key is refused with 403. */
    SESSION,
    /** A provider's signed callback: the signature is the credential. */
    SIGNATURE;

    boolean takesCredential() {
        return this == API_KEY || this == CREDENTIAL || this == SESSION;
    }

    boolean takesSession() {
        return this == CREDENTIAL || this == SESSION;
    }
}
