package dev.pausepoint.kit.token;

import java.time.Instant;

/**
 * What a verified response token says: which pause, until when, under which key it was signed, and whose
 * link it is: {@code slot} 0 is the pause's own recipient, 1 and up the recipients it escalates to.
 */
public record ResponseToken(String pauseId, Instant expiresAt, int keyId, int slot) {

    /** The pause's own recipient's link (slot 0), the only kind a version-1 token can be. */
    public ResponseToken(String pauseId, Instant expiresAt, int keyId) {
        this(pauseId, expiresAt, keyId, 0);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
