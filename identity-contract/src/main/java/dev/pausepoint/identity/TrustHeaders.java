package dev.pausepoint.identity;

import java.util.List;

/**
 * Header names of the trust boundary. Every header starting with {@value #PREFIX} is the gateway's to
 * set: it removes any a client sent before adding its own.
 */
public final class TrustHeaders {

    public static final String PREFIX = "X-PausePoint-";

    public static final String DEVELOPER = PREFIX + "Developer";
    public static final String MODE = PREFIX + "Mode";
    public static final String PLAN = PREFIX + "Plan";
    public static final String CREDENTIAL = PREFIX + "Credential";
    public static final String CLIENT_IP = PREFIX + "Client-Ip";
    /** The developer's registered name, UTF-8 percent-encoded (a header carries ASCII only); absent when unknown. */
    public static final String ACCOUNT_NAME = PREFIX + "Account-Name";
    public static final String TIMESTAMP = PREFIX + "Timestamp";
    public static final String SIGNATURE = PREFIX + "Identity-Signature";

    public static final String INTERNAL_CALLER = PREFIX + "Internal-Caller";
    public static final String INTERNAL_TIMESTAMP = PREFIX + "Internal-Timestamp";
    public static final String INTERNAL_SIGNATURE = PREFIX + "Internal-Signature";

    /** A browser's address, vouched for by a service that calls the public API on its behalf (the dashboard). */
    public static final String RELAYED_FOR = PREFIX + "Relayed-For";
    public static final String RELAYED_TIMESTAMP = PREFIX + "Relayed-Timestamp";
    public static final String RELAYED_SIGNATURE = PREFIX + "Relayed-Signature";

    public static final List<String> IDENTITY = List.of(DEVELOPER, MODE, PLAN, CREDENTIAL, CLIENT_IP,
            ACCOUNT_NAME, TIMESTAMP, SIGNATURE);

    private TrustHeaders() {
    }

    public static boolean isTrustHeader(String name) {
        return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }
}
