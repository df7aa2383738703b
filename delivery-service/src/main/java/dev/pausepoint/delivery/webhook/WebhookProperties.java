package dev.pausepoint.delivery.webhook;

import dev.pausepoint.delivery.schedule.InFlightLimits;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Posting webhooks ({@code pausepoint.delivery.webhook-retry-delays}, {@code .webhook-log-retention},
 * {@code .webhooks.*}; see application.yml): the waits after a failed attempt, how long finished
 * deliveries stay in the log, and the posts in flight.
 */
@ConfigurationProperties("pausepoint.delivery")
public record WebhookProperties(List<Duration> webhookRetryDelays, Duration webhookLogRetention, Webhooks webhooks) {

    /** Webhook posts in flight on one instance, in all and per developer. */
    public record Webhooks(int maxInFlight, int maxInFlightPerDeveloper) {

        public InFlightLimits limits() {
            return InFlightLimits.configured("pausepoint.delivery.webhooks", maxInFlight, maxInFlightPerDeveloper);
        }
    }
}
