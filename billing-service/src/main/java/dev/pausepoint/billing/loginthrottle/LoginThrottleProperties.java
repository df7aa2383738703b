package dev.pausepoint.billing.loginthrottle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code maxFailures} failed logins for one email address within {@code window} (a sliding window), then
 * every further attempt is refused until the oldest of them leaves it. Old rows are purged every
 * {@code purgeInterval}.
 */
@ConfigurationProperties("pausepoint.accounts.login-throttle")
public record LoginThrottleProperties(int maxFailures, Duration window, Duration purgeInterval) {

    public LoginThrottleProperties {
        if (maxFailures < 1) {
            throw new IllegalStateException("pausepoint.accounts.login-throttle.max-failures must be at least 1");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalStateException("pausepoint.accounts.login-throttle.window must be positive");
        }
    }
}
