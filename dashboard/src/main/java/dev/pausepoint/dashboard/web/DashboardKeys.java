package dev.pausepoint.dashboard.web;

import dev.pausepoint.identity.Hmac;
import java.nio.charset.StandardCharsets;

/**
 * The dashboard's own keys, derived from the internal secret with a label each, so one secret to manage
 * gives keys that are independent of each other and of the signatures between services. Changing the
 * internal secret signs every developer out of the dashboard (their API sessions stay valid).
 */
public final class DashboardKeys {

    private final byte[] cookieKey;
    private final byte[] csrfKey;

    public DashboardKeys(String internalSecret) {
        if (internalSecret == null || internalSecret.length() < 32) {
            throw new IllegalArgumentException("the internal secret (INTERNAL_SECRET) must be at least 32 characters");
        }
        byte[] secret = internalSecret.getBytes(StandardCharsets.UTF_8);
        this.cookieKey = derive(secret, "pausepoint-dashboard-session-cookie-v1");
        this.csrfKey = derive(secret, "pausepoint-dashboard-csrf-v1");
    }

    private static byte[] derive(byte[] secret, String label) {
        return Hmac.sha256(secret, label.getBytes(StandardCharsets.UTF_8));
    }

    byte[] cookieKey() {
        return cookieKey.clone();
    }

    byte[] csrfKey() {
        return csrfKey.clone();
    }
}
