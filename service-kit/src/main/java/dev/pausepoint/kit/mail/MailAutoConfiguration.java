package dev.pausepoint.kit.mail;

import com.sendgrid.SendGrid;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** For services that send email and so put the SendGrid SDK on their classpath. */
@AutoConfiguration
@ConditionalOnClass(SendGrid.class)
public class MailAutoConfiguration {

    @Bean
    SendGridMailer sendGridMailer(@Value("${pausepoint.sendgrid.api-key:}") String apiKey,
            @Value("${pausepoint.sendgrid.from-email:}") String fromEmail,
            @Value("${pausepoint.sendgrid.from-name:PausePoint}") String fromName,
            @Value("${pausepoint.sendgrid.base-url:}") String baseUrl) {
        return new SendGridMailer(apiKey, fromEmail, fromName, baseUrl);
    }
}
