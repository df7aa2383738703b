package dev.pausepoint.delivery.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again: the configured waits after attempt 1, 2, ..., each stretched or shrunk by up to
 * {@code jitter} (so retries of many failures do not arrive together), and nothing after the last.
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

    /** The time of the next attempt after {@code attemptsSoFar} failed ones, or empty to give up. */
    public Optional<Instant> next(int attemptsSoFar, Instant now) {
        if (attemptsSoFar < 1 || attemptsSoFar > delays.size()) {
            return Optional.empty();
        }
        long base = delays.get(attemptsSoFar - 1).toMillis();
        double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * jitter;
        return Optional.of(now.plusMillis(Math.round(base * factor)));
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }
}
