package dev.pausepoint.delivery;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** delivery-service's settings ({@code pausepoint.delivery}); see application.yml for each. */
@ConfigurationProperties("pausepoint.delivery")
public record DeliveryProperties(List<Duration> notificationRetryDelays, List<Duration> webhookRetryDelays,
        double jitter, Duration workerInterval, Duration webhookLogRetention, List<String> insecureHosts, Twilio twilio,
        String sendgridEventPublicKey, Duration sendgridEventTolerance, Webhooks webhooks,
        Notifications notifications, Sms sms) {

    public record Twilio(String accountSid, String authToken, String fromNumber, String baseUrl) {
    }

    /** Webhook posts in flight on one instance, in all and per developer. */
    public record Webhooks(int maxInFlight, int maxInFlightPerDeveloper) {
    }

    /** Provider sends (SMS, email, Slack) in flight on one instance: one sender thread each; per developer. */
    public record Notifications(int senders, int maxInFlightPerDeveloper) {
    }

    /** Where SMS may go (country calling codes, {@code *} for anywhere) and how many segments one may cost. */
    public record Sms(List<String> allowedCountryCodes, int maxSegments) {
    }
}
