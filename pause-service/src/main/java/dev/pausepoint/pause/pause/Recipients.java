package dev.pausepoint.pause.pause;

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
 * "Pauses").
 */
final class Recipients {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s\\-.()]");

    private Recipients() {
    }

    /**
     * The normalised recipient, or empty with {@code issue} describing what is wrong. A phone number
     * outside the country calling codes SMS may go to here is refused now, rather than failing at send.
     */
    static Optional<String> normalize(String channel, String raw, List<String> slackHosts,
            SmsCountryCodes smsCountries, StringBuilder issue) {
        switch (channel) {
            case "sms" -> {
                String phone = PHONE_PUNCTUATION.matcher(raw).replaceAll("");
                if (!E164.matcher(phone).matches()) {
                    issue.append("must be a phone number in E.164 form: + and 7 to 15 digits, the first not 0");
                } else if (!smsCountries.allows(phone)) {
                    issue.append("must be a number SMS may reach: ").append(smsCountries.refusal(phone));
                } else {
                    return Optional.of(phone);
                }
            }
            case "email" -> {
                if (EmailAddresses.wellFormed(raw)) {
                    return Optional.of(EmailAddresses.normalize(raw));
                }
                issue.append("must be a valid email address");
            }
            case "slack" -> {
                if (slackWebhook(raw.trim(), slackHosts)) {
                    return Optional.of(raw.trim());
                }
                issue.append("must be a Slack incoming-webhook URL (https://hooks.slack.com/services/...)");
            }
            default -> throw new IllegalArgumentException("unknown channel " + channel);
        }
        return Optional.empty();
    }

    private static boolean slackWebhook(String url, List<String> hosts) {
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null
                    && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT)) && uri.getPort() == -1
                    && uri.getUserInfo() == null && uri.getRawPath() != null
                    && uri.getRawPath().startsWith("/services/") && uri.getRawPath().length() > "/services/".length();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
