package dev.pausepoint.kit.token;

import java.time.Instant;

/** What a verified response token says: which pause, until when, and under which key it was signed. */
public record ResponseToken(String pauseId, Instant expiresAt, int keyId) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
