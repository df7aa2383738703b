package dev.pausepoint.delivery.callback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What verifies a provider's callback ({@code pausepoint.delivery.twilio.auth-token},
 * {@code .sendgrid-event-public-key}, {@code .sendgrid-event-tolerance}; see application.yml). The Twilio
 * auth token is the one the SMS sender uses: Twilio signs its callbacks with it.
 */
@ConfigurationProperties("pausepoint.delivery")
public record CallbackProperties(Twilio twilio, String sendgridEventPublicKey, Duration sendgridEventTolerance) {

    /** Blank: Twilio callbacks cannot be verified, so every one is refused. */
    public record Twilio(String authToken) {
    }
}
