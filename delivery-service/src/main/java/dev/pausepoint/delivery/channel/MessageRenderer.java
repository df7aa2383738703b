package dev.pausepoint.delivery.channel;

import dev.pausepoint.kit.asker.Asker;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The messages of docs/api-reference.md, "Channels", the SMS within its segment cap. Each names who asks
 * ({@link Asker}) when the account is known; without it a message reads as it did before names were kept.
 */
public final class MessageRenderer {

    public static final int SMS_MAX = 1600;
    public static final String EMAIL_SUBJECT = "Action required from your AI agent";
    public static final String SLACK_HEADER = "Action required from an AI agent";
    /** What marks a reminder: before the SMS's sender and message, the email's subject and the Slack header. */
    public static final String REMINDER = "Reminder: ";
    private static final String SMS_PREFIX = "[PausePoint] ";
    private static final String ELLIPSIS = "\u2026";
    private static final String GSM7_ELLIPSIS = "...";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MessageRenderer() {
    }

    /** An SMS from no named sender: {@code [PausePoint] <message>}, then the link. */
    public static String sms(String message, String respondUrl, int maxSegments) {
        return sms(Asker.unknown(), message, respondUrl, maxSegments);
    }

    /**
     * {@code [PausePoint] <account> asks, via <agent>: <message>} (without {@code , via <agent>} when the
     * agent has no name, and without the sender when the account is not known), a blank line,
     * {@code Respond here: <url>}. Names are in their display form (at most 60 characters each). The message is shortened
     * so the whole is at most {@code maxSegments} segments ({@link SmsSegments}) and 1600 characters,
     * keeping the longest start of it that fits, never half an emoji, and the link is never cut (if the
     * link alone does not fit, the message is only the ellipsis). The ellipsis is {@code …}, written
     * {@code ...} when the rest is GSM-7: {@code …} is not in that alphabet and would switch the whole SMS
     * to UCS-2, which fits less than half as much per segment.
     */
    public static String sms(Asker asker, String message, String respondUrl, int maxSegments) {
        return sms(asker, message, respondUrl, maxSegments, false);
    }

    /** As {@link #sms(Asker, String, String, int)}; a reminder starts {@code [PausePoint] Reminder: }. */
    public static String sms(Asker asker, String message, String respondUrl, int maxSegments, boolean reminder) {
        String prefix = SMS_PREFIX + (reminder ? REMINDER : "") + smsSender(asker);
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

    private static String smsSender(Asker asker) {
        if (!asker.named()) {
            return "";
        }
        return asker.account() + " asks" + (asker.agent() == null ? "" : ", via " + asker.agent()) + ": ";
    }

    /** {@code <account> needs your answer}; a display name holds no CR or LF, so nothing can follow the header. */
    public static String emailSubject(Asker asker) {
        return emailSubject(asker, false);
    }

    /** As {@link #emailSubject(Asker)}; a reminder's is prefixed {@code Reminder: }. */
    public static String emailSubject(Asker asker, boolean reminder) {
        return (reminder ? REMINDER : "") + (asker.named() ? asker.account() + " needs your answer" : EMAIL_SUBJECT);
    }

    /** The Slack message's header: {@code <account> needs your answer}. */
    public static String slackHeader(Asker asker) {
        return slackHeader(asker, false);
    }

    /** As {@link #slackHeader(Asker)}; a reminder's is prefixed {@code Reminder: }. */
    public static String slackHeader(Asker asker, boolean reminder) {
        return (reminder ? REMINDER : "") + (asker.named() ? asker.account() + " needs your answer" : SLACK_HEADER);
    }

    private static boolean fits(String body, int maxSegments) {
        return body.length() <= SMS_MAX && SmsSegments.count(body) <= maxSegments;
    }

    /** The link an email button opens: the page preselects this option and the human confirms. */
    public static String choiceLink(String respondUrl, String option) {
        return respondUrl + "?choice=" + URLEncoder.encode(option, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * {@code <account> is asking, through its agent <agent>.}, the message, one link per option, the page's
     * link, and what silence means; the sender and the silence line only where known.
     */
    public static String emailText(OutgoingMessage email) {
        StringBuilder text = new StringBuilder();
        if (email.asker().named()) {
            text.append(email.asker().askingLine()).append(".\n\n");
        }
        text.append(email.message()).append("\n\nChoose one:\n");
        for (String option : email.options()) {
            text.append("- ").append(option).append(": ").append(choiceLink(email.respondUrl(), option)).append('\n');
        }
        text.append("\nOr open ").append(email.respondUrl()).append('\n');
        if (email.silence() != null) {
            text.append('\n').append(email.silence()).append('\n');
        }
        return text.toString();
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

    /**
     * Header (naming the account; a reminder's prefixed {@code Reminder: }), who asks, the message, {@code Options: A | B}, and a {@code Respond Now}
     * link button.
     */
    public static String slackPayload(OutgoingMessage slack) {
        Asker asker = slack.asker();
        String message = slack.message();
        List<String> options = slack.options();
        String respondUrl = slack.respondUrl();
        ObjectNode payload = JSON.createObjectNode();
        String headline = slackHeader(asker, slack.reminder());
        payload.put("text", headline + ": " + message);
        ArrayNode blocks = payload.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", headline);
        if (asker.named()) {
            blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                    .put("text", slackEscape(asker.askingLine()));
        }
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", slackEscape(message));
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                .put("text", "Options: " + slackEscape(String.join(" | ", options)));
        ObjectNode button = blocks.addObject().put("type", "actions").putArray("elements").addObject()
                .put("type", "button").put("url", respondUrl).put("style", "primary");
        button.putObject("text").put("type", "plain_text").put("text", "Respond Now");
        return payload.toString();
    }

    /** What a test-key pause shows instead of a sent message. */
    public static String sandbox(String channel, OutgoingMessage message, int smsMaxSegments) {
        Asker asker = message.asker();
        return switch (channel) {
            case "sms" -> sms(asker, message.message(), message.respondUrl(), smsMaxSegments, message.reminder());
            case "email" -> "Subject: " + emailSubject(asker, message.reminder()) + "\n\n" + emailText(message);
            case "slack" -> slackHeader(asker, message.reminder()) + "\n" + (asker.named() ? asker.askingLine() + "\n" : "")
                    + message.message() + "\nOptions: " + String.join(" | ", message.options())
                    + "\nRespond Now: " + message.respondUrl();
            default -> throw new IllegalArgumentException("unknown channel " + channel);
        };
    }

    private static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
