package dev.pausepoint.dashboard.api;

/**
 * On whose behalf the dashboard calls the API: the browser's address (vouched for to the gateway, so the
 * per-address limits count the person), and, once signed in, the session token and the world the page
 * shows.
 */
public record Caller(String clientIp, String sessionToken, World world) {

    public static Caller anonymous(String clientIp) {
        return new Caller(clientIp, null, null);
    }

    /** A session acting on the account itself (logout), in no particular world. */
    public static Caller account(String clientIp, String sessionToken) {
        return new Caller(clientIp, sessionToken, null);
    }
}
