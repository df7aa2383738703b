package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.kit.validation.EmailAddresses;
import dev.pausepoint.kit.validation.SmsCountryCodes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a pause's notification goes to, in the one form delivery uses, per channel (docs/api-reference.md,
 * "Pauses"), with the destinations this instance is configured to allow.
 */
final class Recipients {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s\\-.()]");

    private final List<String> slackHosts;
    private final SmsCountryCodes smsCountries;

    Recipients(List<String> slackHosts, SmsCountryCodes smsCountries) {
        this.slackHosts = slackHosts;
        this.smsCountries = smsCountries;
    }

    /**
     * What is wrong with {@code raw} as a recipient on {@code channel}, or empty. A phone number outside the
     * country calling codes SMS may go to here is refused now, rather than failing at send.
     */
    Optional<String> problem(String channel, String raw) {
        String recipient = normalize(channel, raw);
        String issue = switch (channel) {
            case "sms" -> phoneProblem(recipient);
            case "email" -> EmailAddresses.wellFormed(raw) ? null : "must be a valid email address";
            case "slack" -> slackWebhook(recipient) ? null
                    : "must be a Slack incoming-webhook URL (https://hooks.slack.com/services/...)";
            default -> throw new IllegalArgumentException("unknown channel " + channel);
        };
        return Optional.ofNullable(issue);
    }

    /** {@code raw} as delivery uses it: a phone number without punctuation, a lower-cased address, a trimmed URL. */
    String normalize(String channel, String raw) {
        return switch (channel) {
            case "sms" -> PHONE_PUNCTUATION.matcher(raw).replaceAll("");
            case "email" -> EmailAddresses.normalize(raw);
            case "slack" -> raw.trim();
            default -> throw new IllegalArgumentException("unknown channel " + channel);
        };
    }

    private String phoneProblem(String phone) {
        if (!E164.matcher(phone).matches()) {
            return "must be a phone number in E.164 form: + and 7 to 15 digits, the first not 0";
        }
        return smsCountries.allows(phone) ? null : "must be a number SMS may reach: " + smsCountries.refusal(phone);
    }

    private boolean slackWebhook(String url) {
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null
                    && slackHosts.contains(uri.getHost().toLowerCase(Locale.ROOT)) && uri.getPort() == -1
                    && uri.getUserInfo() == null && uri.getRawPath() != null
                    && uri.getRawPath().startsWith("/services/") && uri.getRawPath().length() > "/services/".length();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
