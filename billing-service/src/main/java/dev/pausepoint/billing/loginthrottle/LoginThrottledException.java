package dev.pausepoint.billing.loginthrottle;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import java.time.Duration;
import java.util.Map;

/**
 * 429 for a login to an address with too many recent failures. The message depends only on the
 * configuration and the wait, so it reads the same whether or not an account has the address.
 */
public class LoginThrottledException extends ApiException {

    private final long retryAfterSeconds;

    LoginThrottledException(int maxFailures, Duration window, long retryAfterSeconds) {
        super(ErrorCode.RATE_LIMITED, "Too many failed logins for this email address (" + maxFailures + " within "
                + describe(window) + "). Retry after " + retryAfterSeconds + " s, or reset the password.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, String> responseHeaders() {
        return Map.of("Retry-After", String.valueOf(retryAfterSeconds));
    }

    private static String describe(Duration window) {
        return window.toSecondsPart() == 0 && window.toMinutes() > 0 ? window.toMinutes() + " min"
                : window.toSeconds() + " s";
    }
}
