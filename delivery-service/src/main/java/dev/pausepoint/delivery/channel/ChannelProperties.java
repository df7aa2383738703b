package dev.pausepoint.delivery.channel;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The providers' settings ({@code pausepoint.delivery.twilio.*}, {@code .sms.*}; see application.yml). */
@ConfigurationProperties("pausepoint.delivery")
public record ChannelProperties(Twilio twilio, Sms sms) {

    /** Blank account, token or number: SMS is not configured and every live SMS fails with that reason. */
    public record Twilio(String accountSid, String authToken, String fromNumber, String baseUrl) {
    }

    /** Where SMS may go (country calling codes, {@code *} for anywhere) and how many segments one may cost. */
    public record Sms(List<String> allowedCountryCodes, int maxSegments) {
    }
}
