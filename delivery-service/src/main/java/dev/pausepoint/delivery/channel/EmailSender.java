package dev.pausepoint.delivery.channel;

import dev.pausepoint.kit.mail.Email;
import dev.pausepoint.kit.mail.MailResult;
import dev.pausepoint.kit.mail.SendGridMailer;
import gg.jte.TemplateEngine;
import java.util.Map;

/**
 * Email through the SendGrid SDK (the same client billing uses), tagged with the pause id so
 * SendGrid's event webhook can report delivery or bounce for it.
 */
public class EmailSender implements ChannelSender {

    private final SendGridMailer mailer;
    private final TemplateEngine templates;

    public EmailSender(SendGridMailer mailer, TemplateEngine templates) {
        this.mailer = mailer;
        this.templates = templates;
    }

    @Override
    public String channel() {
        return "email";
    }

    /**
     * The custom arguments SendGrid's events give back: the pause, and which of its notifications (only when
     * not the first, so a first mail is tagged as before).
     */
    private static Map<String, String> tags(OutgoingMessage message) {
        return message.notification() == 0 ? Map.of("pause_id", message.pauseId())
                : Map.of("pause_id", message.pauseId(), "notification", String.valueOf(message.notification()));
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        MailResult result = mailer.send(new Email(message.recipient(),
                MessageRenderer.emailSubject(message.asker(), message.reminder()), MessageRenderer.emailText(message),
                MessageRenderer.emailHtml(templates, message), tags(message)));
        if (result.accepted()) {
            return SendResult.accepted(result.messageId(), false, result.status());
        }
        return result.retryable() ? SendResult.retry(result.status() == 0 ? null : result.status(), result.error())
                : SendResult.fail(result.status() == 0 ? null : result.status(), result.error());
    }
}
