package dev.pausepoint.billing.credential;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.identity.KeyMode;

/** 403: a valid API key asked for something its mode, or a key at all, may not do (see {@link KeyModePolicy}). */
public class KeyModeNotAllowedException extends ApiException {

    private KeyModeNotAllowedException(String message) {
        super(ErrorCode.KEY_MODE_NOT_ALLOWED, message);
    }

    /** A key of mode {@code presented} asked to rotate the key of mode {@code target}. */
    static KeyModeNotAllowedException rotation(KeyMode presented, KeyMode target) {
        return new KeyModeNotAllowedException("A " + presented.wire() + " key may rotate only the " + presented.wire()
                + " key. Rotate the " + target.wire() + " key with the " + target.wire()
                + " key itself, or log in and rotate it with the session.");
    }

    static KeyModeNotAllowedException notASession(KeyMode presented) {
        return new KeyModeNotAllowedException("A " + presented.wire() + " key is not a session, so there is nothing "
                + "to log out: a key stays valid until it is revoked by rotation (POST /v1/auth/keys/rotate). Log "
                + "out with the session token from POST /v1/auth/login.");
    }

    static KeyModeNotAllowedException payment() {
        return new KeyModeNotAllowedException("A test key cannot start a payment. Check out with the live key, or log "
                + "in and check out with the session.");
    }
}
