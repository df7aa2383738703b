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

    @Override
    public SendResult send(OutgoingMessage message) {
        MailResult result = mailer.send(new Email(message.recipient(), MessageRenderer.emailSubject(message.asker()),
                MessageRenderer.emailText(message),
                MessageRenderer.emailHtml(templates, message),
                Map.of("pause_id", message.pauseId())));
        if (result.accepted()) {
            return SendResult.accepted(result.messageId(), false, result.status());
        }
        return result.retryable() ? SendResult.retry(result.status() == 0 ? null : result.status(), result.error())
                : SendResult.fail(result.status() == 0 ? null : result.status(), result.error());
    }
}
