package dev.pausepoint.delivery;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** delivery-service's settings ({@code pausepoint.delivery}); see application.yml for each. */
@ConfigurationProperties("pausepoint.delivery")
public record DeliveryProperties(List<Duration> notificationRetryDelays, List<Duration> webhookRetryDelays,
        double jitter, Duration workerInterval, Duration webhookLogRetention, List<String> insecureHosts, Twilio twilio,
        String sendgridEventPublicKey) {

    public record Twilio(String accountSid, String authToken, String fromNumber, String baseUrl) {
    }
}
