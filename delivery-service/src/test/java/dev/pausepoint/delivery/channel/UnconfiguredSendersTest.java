package dev.pausepoint.delivery.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.kit.mail.SendGridMailer;
import dev.pausepoint.kit.validation.SmsCountryCodes;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With no provider credentials a live send fails at once with a clear reason; nothing throws. */
class UnconfiguredSendersTest {

    private static final OutgoingMessage MESSAGE = new OutgoingMessage("psr_1", "+14155550123", "Deploy?",
            List.of("Approve", "Reject"), "https://pausepoint.example/respond/t");

    @Test
    void smsWithoutTwilioCredentials() {
        SendResult result = new SmsSender("", "", "", "", "https://pausepoint.example",
                new SmsPolicy(SmsCountryCodes.of(List.of("1")), 4)).send(MESSAGE);

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAIL);
        assertThat(result.error())
                .isEqualTo("SMS is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER)");
    }

    @Test
    void emailWithoutSendGridCredentials() {
        SendResult result = new EmailSender(new SendGridMailer("", "", "PausePoint", ""),
                TemplateEngine.createPrecompiled(ContentType.Html)).send(MESSAGE);

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAIL);
        assertThat(result.error()).isEqualTo("email is not configured (SENDGRID_API_KEY, SENDGRID_FROM_EMAIL)");
    }
}
