package dev.pausepoint.kit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.kit.EnvironmentVariables;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@link EnableMail} brings the mailer and the {@code SENDGRID_*} variables it is configured by. */
class EnableMailTest {

    @EnableMail
    static class MailEnabled {
    }

    private static ApplicationContextRunner mail(Map<String, Object> variables) {
        return new ApplicationContextRunner()
                .withUserConfiguration(MailEnabled.class)
                .withInitializer(EnvironmentVariables.of(variables));
    }

    @Test
    void theMailerIsConfiguredFromTheSendGridVariables() {
        mail(Map.of("SENDGRID_API_KEY", "SG.test-key", "SENDGRID_FROM_EMAIL", "ops@example.com"))
                .run(context -> assertThat(context.getBean(SendGridMailer.class).configured()).isTrue());
    }

    @Test
    void withoutThemEverySendSaysEmailIsNotConfigured() {
        mail(Map.of()).run(context -> {
            SendGridMailer mailer = context.getBean(SendGridMailer.class);
            assertThat(mailer.configured()).isFalse();
            MailResult result = mailer.send(new Email("human@example.com", "Subject", "Text", null));
            assertThat(result.accepted()).isFalse();
            assertThat(result.error()).contains("SENDGRID_API_KEY");
        });
    }
}
