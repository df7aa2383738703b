package dev.pausepoint.billing.credential;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;

/**
 * What a credential may do to the account itself. Test keys live in CI systems and on laptops, so an
 * API key acts only in its own world: it may rotate only the key of its own mode, and only a live key
 * may start a real payment. A session proves the password and may do either, in whichever world it
 * presents itself (the dashboard's live or test view): the account is what pays and owns both keys. Only
 * a session can be logged out; a key ends by rotation. Everything else under {@code /v1/auth} and
 * {@code /v1/billing} (the account view, the subscription, the plans) is readable with any credential of
 * the account.
 */
public final class KeyModePolicy {

    private KeyModePolicy() {
    }

    /** 403 KEY_MODE_NOT_ALLOWED unless {@code caller} may replace the key of mode {@code target}. */
    public static void requireMayRotate(CallerIdentity caller, KeyMode target) {
        if (caller.credential() == CredentialKind.API_KEY && caller.mode() != target) {
            throw KeyModeNotAllowedException.rotation(caller.mode(), target);
        }
    }

    /** 403 KEY_MODE_NOT_ALLOWED for an API key: logging out ends a session, and a key is none. */
    public static void requireSession(CallerIdentity caller) {
        if (caller.credential() == CredentialKind.API_KEY) {
            throw KeyModeNotAllowedException.notASession(caller.mode());
        }
    }

    /** 403 KEY_MODE_NOT_ALLOWED for a test key: a purchase is a live-world act. */
    public static void requireMayPay(CallerIdentity caller) {
        if (caller.credential() == CredentialKind.API_KEY && caller.mode() != KeyMode.LIVE) {
            throw KeyModeNotAllowedException.payment();
        }
    }
}
