package dev.pausepoint.delivery.schedule;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the notification and webhook workers share ({@code pausepoint.delivery.jitter} and
 * {@code .worker-interval}, see application.yml): how far each retry wait may stretch or shrink, and how
 * often a loop with nothing to wake it looks for due work.
 */
@ConfigurationProperties("pausepoint.delivery")
public record ScheduleProperties(double jitter, Duration workerInterval) {

    /** A feature's retry waits with the shared jitter. */
    public RetrySchedule retrySchedule(List<Duration> delays) {
        return new RetrySchedule(delays, jitter);
    }
}
