package dev.pausepoint.billing.loginthrottle;

import dev.pausepoint.identity.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed logins per email address in a sliding window. {@link #begin} runs before the password is
 * compared: it refuses at once when the address already has the maximum of failures in the window, and
 * otherwise counts this attempt as a failure in the same short transaction, under a lock per address,
 * so a burst of concurrent guesses is admitted only up to the limit. {@link #succeeded} takes the count
 * back when the password matched.
 *
 * <p>A success removes only its own count, never the failures before it: if it cleared them, an attacker
 * throttled on an address would see the refusal lift early whenever the owner logged in, which only
 * happens for an address that has an account. The price is that someone who fails often can keep an
 * account's owner from logging in with a password until the window passes; sessions and API keys are
 * unaffected, and the throttle is a back-off, not a lock (see docs/api-decisions.md, "Accounts").
 */
@Service
public class LoginThrottleService {

    private static final String KEY_PURPOSE = "pausepoint/login-throttle";

    /** One counted attempt; hand it back to {@link #succeeded} when the password matched. */
    public record Attempt(long failureId) {
    }

    private final LoginFailureRepository failures;
    private final TransactionTemplate transactions;
    private final LoginThrottleProperties properties;
    private final Clock clock;
    private final byte[] emailKey;

    public LoginThrottleService(LoginFailureRepository failures, TransactionTemplate transactions,
            LoginThrottleProperties properties, Clock clock, @Value("${pausepoint.internal-secret}") String secret) {
        this.failures = failures;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.emailKey = Hmac.deriveKey(secret, KEY_PURPOSE);
    }

    /**
     * Counts an attempt for {@code normalizedEmail} as a failure, or throws {@link LoginThrottledException}
     * (429, {@code Retry-After}) without counting it when the address has too many failures already.
     */
    public Attempt begin(String normalizedEmail) {
        String key = Hmac.sha256Hex(emailKey, normalizedEmail.getBytes(StandardCharsets.UTF_8));
        Instant now = clock.instant();
        Duration window = properties.window();
        int max = properties.maxFailures();
        return transactions.execute(status -> {
            failures.lock(key);
            List<Instant> recent = failures.newest(key, now.minus(window), max);
            if (recent.size() >= max) {
                // The window holds fewer than max again once the max-th newest failure leaves it.
                Duration wait = Duration.between(now, recent.get(max - 1).plus(window));
                throw new LoginThrottledException(max, window, wait);
            }
            return new Attempt(failures.insert(key, now));
        });
    }

    /** The password matched: this attempt was no failure. */
    public void succeeded(Attempt attempt) {
        failures.delete(attempt.failureId());
    }

    /** Deletes failures that have left the window; returns how many. */
    public int purge() {
        return failures.deleteUpTo(clock.instant().minus(properties.window()));
    }
}
