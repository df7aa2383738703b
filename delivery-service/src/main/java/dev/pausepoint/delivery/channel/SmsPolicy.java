package dev.pausepoint.delivery.channel;

import dev.pausepoint.kit.validation.SmsCountryCodes;

/**
 * What an SMS may do on this instance: the numbers it may reach (pause-service checked them at create
 * time; the setting may have changed since) and the most segments one message may cost.
 */
public record SmsPolicy(SmsCountryCodes countries, int maxSegments) {

    public SmsPolicy {
        if (maxSegments < 1) {
            throw new IllegalArgumentException("SMS_MAX_SEGMENTS must be at least 1, not " + maxSegments);
        }
    }

    public String render(OutgoingMessage message) {
        return MessageRenderer.sms(message.asker(), message.message(), message.respondUrl(), maxSegments,
                message.reminder());
    }
}
