package dev.pausepoint.delivery.channel;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The messages of docs/api-reference.md, "Channels", the SMS within its segment cap. */
public final class MessageRenderer {

    public static final int SMS_MAX = 1600;
    public static final String EMAIL_SUBJECT = "Action required from your AI agent";
    public static final String SLACK_HEADER = "Action required from an AI agent";
    /** What marks a reminder: before the SMS's message, the email's subject and the Slack header. */
    public static final String REMINDER = "Reminder: ";
    private static final String SMS_PREFIX = "[PausePoint] ";
    private static final String ELLIPSIS = "\u2026";
    private static final String GSM7_ELLIPSIS = "...";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MessageRenderer() {
    }

    /**
     * {@code [PausePoint] <message>}, a blank line, {@code Respond here: <url>}. The message is shortened
     * so the whole is at most {@code maxSegments} segments ({@link SmsSegments}) and 1600 characters,
     * keeping the longest start of it that fits, never half an emoji, and the link is never cut (if the
     * link alone does not fit, the message is only the ellipsis). The ellipsis is {@code …}, written
     * {@code ...} when the rest is GSM-7: {@code …} is not in that alphabet and would switch the whole SMS
     * to UCS-2, which fits less than half as much per segment.
     */
    public static String sms(String message, String respondUrl, int maxSegments) {
        return sms(message, respondUrl, maxSegments, false);
    }

    /** As {@link #sms(String, String, int)}; a reminder starts {@code [PausePoint] Reminder: }. */
    public static String sms(String message, String respondUrl, int maxSegments, boolean reminder) {
        String prefix = reminder ? SMS_PREFIX + REMINDER : SMS_PREFIX;
        String suffix = "\n\nRespond here: " + respondUrl;
        String whole = prefix + message + suffix;
        if (fits(whole, maxSegments)) {
            return whole;
        }
        // No kept part can be longer than the most characters that many segments hold.
        int end = Math.min(message.length(), Math.min(SMS_MAX, 160 * maxSegments));
        while (true) {
            if (end > 0 && Character.isHighSurrogate(message.charAt(end - 1))) {
                end--;
            }
            String kept = prefix + message.substring(0, end);
            String body = kept + (SmsSegments.gsm7(kept + suffix) ? GSM7_ELLIPSIS : ELLIPSIS) + suffix;
            if (end == 0 || fits(body, maxSegments)) {
                return body;
            }
            end--;
        }
    }

    private static boolean fits(String body, int maxSegments) {
        return body.length() <= SMS_MAX && SmsSegments.count(body) <= maxSegments;
    }

    /** The email's subject; a reminder's is prefixed {@code Reminder: }. */
    public static String emailSubject(boolean reminder) {
        return reminder ? REMINDER + EMAIL_SUBJECT : EMAIL_SUBJECT;
    }

    /** The link an email button opens: the page preselects this option and the human confirms. */
    public static String choiceLink(String respondUrl, String option) {
        return respondUrl + "?choice=" + URLEncoder.encode(option, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String emailText(String message, List<String> options, String respondUrl) {
        StringBuilder text = new StringBuilder(message).append("\n\nChoose one:\n");
        for (String option : options) {
            text.append("- ").append(option).append(": ").append(choiceLink(respondUrl, option)).append('\n');
        }
        return text.append("\nOr open ").append(respondUrl).append('\n').toString();
    }

    /**
     * One full-width button per option, built from tables and inline styles as mail clients need
     * ({@code src/main/jte/channel/email.jte}).
     */
    public static String emailHtml(TemplateEngine templates, OutgoingMessage message) {
        StringOutput html = new StringOutput();
        templates.render("channel/email.jte", message, html);
        return html.toString();
    }

    /** Header, the message, {@code Options: A | B}, and a {@code Respond Now} link button. */
    public static String slackPayload(String message, List<String> options, String respondUrl) {
        return slackPayload(message, options, respondUrl, false);
    }

    /** As {@link #slackPayload(String, List, String)}; a reminder's header is prefixed {@code Reminder: }. */
    public static String slackPayload(String message, List<String> options, String respondUrl, boolean reminder) {
        String headline = slackHeader(reminder);
        ObjectNode payload = JSON.createObjectNode();
        payload.put("text", headline + ": " + message);
        ArrayNode blocks = payload.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", headline);
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", slackEscape(message));
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                .put("text", "Options: " + slackEscape(String.join(" | ", options)));
        ObjectNode button = blocks.addObject().put("type", "actions").putArray("elements").addObject()
                .put("type", "button").put("url", respondUrl).put("style", "primary");
        button.putObject("text").put("type", "plain_text").put("text", "Respond Now");
        return payload.toString();
    }

    /** What a test-key pause shows instead of a sent message. */
    public static String sandbox(String channel, String message, List<String> options, String respondUrl,
            int smsMaxSegments) {
        return sandbox(channel, message, options, respondUrl, smsMaxSegments, false);
    }

    /** As {@link #sandbox(String, String, List, String, int)}, marked as a reminder when it is one. */
    public static String sandbox(String channel, String message, List<String> options, String respondUrl,
            int smsMaxSegments, boolean reminder) {
        return switch (channel) {
            case "sms" -> sms(message, respondUrl, smsMaxSegments, reminder);
            case "email" -> "Subject: " + emailSubject(reminder) + "\n\n" + emailText(message, options, respondUrl);
            case "slack" -> slackHeader(reminder) + "\n" + message + "\nOptions: " + String.join(" | ", options)
                    + "\nRespond Now: " + respondUrl;
            default -> throw new IllegalArgumentException("unknown channel " + channel);
        };
    }

    private static String slackHeader(boolean reminder) {
        return reminder ? REMINDER + SLACK_HEADER : SLACK_HEADER;
    }

    private static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
