package dev.pausepoint.delivery.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Notifications in numbers, counted after their transaction commits: each notification once at its
 * outcome ({@code pausepoint.notifications}: sent, failed, or sandbox for test keys), and each provider
 * call with its latency ({@code pausepoint.notifications.attempts}: sent, retrying or failed), by channel.
 * docs/observability.md lists them.
 */
@Component
public class NotificationMetrics {

    static final String SENT = "sent";
    static final String RETRYING = "retrying";
    static final String FAILED = "failed";
    static final String SANDBOX = "sandbox";

    private final MeterRegistry meters;

    public NotificationMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** A provider call that took {@code millis} and left the notification {@code outcome}. */
    void attempted(String channel, String outcome, long millis) {
        Timer.builder("pausepoint.notifications.attempts").description("Provider calls to send a notification")
                .tags("channel", channel, "outcome", outcome)
                .register(meters).record(Duration.ofMillis(millis));
        if (!RETRYING.equals(outcome)) {
            finished(channel, outcome);
        }
    }

    /** A notification that reached {@code outcome} and will not change it. */
    void finished(String channel, String outcome) {
        Counter.builder("pausepoint.notifications").description("Notifications by their outcome")
                .tags("channel", channel, "outcome", outcome).register(meters).increment();
    }
}
