package dev.pausepoint.billing.loginthrottle;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.RetryLaterException;
import java.time.Duration;

/**
 * 429 for a login to an address with too many recent failures, with {@code Retry-After} until the oldest
 * counted failure leaves the window. The message depends only on the configuration and the wait, so it
 * reads the same whether or not an account has the address.
 */
public class LoginThrottledException extends RetryLaterException {

    LoginThrottledException(int maxFailures, Duration window, Duration wait) {
        super(ErrorCode.RATE_LIMITED, "Too many failed logins for this email address (" + maxFailures + " within "
                + describe(window) + "). Retry after " + seconds(wait) + " s, or reset the password.", seconds(wait));
    }

    private static String describe(Duration window) {
        return window.toSecondsPart() == 0 && window.toMinutes() > 0 ? window.toMinutes() + " min"
                : window.toSeconds() + " s";
    }
}
