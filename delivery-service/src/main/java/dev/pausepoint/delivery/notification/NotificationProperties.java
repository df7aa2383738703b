package dev.pausepoint.delivery.notification;

import dev.pausepoint.delivery.schedule.InFlightLimits;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sending notifications ({@code pausepoint.delivery.notification-retry-delays}, {@code .notifications.*};
 * see application.yml): the waits before attempts 2, 3, ... and the provider sends in flight.
 */
@ConfigurationProperties("pausepoint.delivery")
public record NotificationProperties(List<Duration> notificationRetryDelays, Notifications notifications) {

    /** Provider sends (SMS, email, Slack) in flight on one instance: one sender thread each; per developer. */
    public record Notifications(int senders, int maxInFlightPerDeveloper) {

        public InFlightLimits limits() {
            return InFlightLimits.configured("pausepoint.delivery.notifications", senders, maxInFlightPerDeveloper);
        }
    }
}
