package dev.pausepoint.billing.loginthrottle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code login_failure} to the rows inside the window: every instance deletes the older ones now
 * and then (the delete is idempotent, so instances need no coordination).
 */
@Component
public class LoginFailurePurge {

    private static final Logger log = LoggerFactory.getLogger(LoginFailurePurge.class);

    private final LoginThrottleService throttle;

    public LoginFailurePurge(LoginThrottleService throttle) {
        this.throttle = throttle;
    }

    @Scheduled(fixedDelayString = "${pausepoint.accounts.login-throttle.purge-interval}",
            initialDelayString = "${pausepoint.accounts.login-throttle.purge-interval}")
    public void purge() {
        try {
            throttle.purge();
        } catch (RuntimeException e) {
            log.warn("Login failure purge failed, the next one retries: {}", e.toString());
        }
    }
}
