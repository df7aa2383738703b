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

    public String render(String message, String respondUrl) {
        return render(message, respondUrl, false);
    }

    /** As {@link #render(String, String)}, marked as a reminder when it is one. */
    public String render(String message, String respondUrl, boolean reminder) {
        return MessageRenderer.sms(message, respondUrl, maxSegments, reminder);
    }
}
