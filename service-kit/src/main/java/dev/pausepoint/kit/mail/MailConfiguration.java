package dev.pausepoint.kit.mail;

import dev.pausepoint.kit.YamlPropertySourceFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** What {@link EnableMail} imports. Without an API key and a sender the mailer says so on each send. */
@Configuration(proxyBeanMethods = false)
@PropertySource(name = "pausepoint-mail", value = "classpath:mail.yml", factory = YamlPropertySourceFactory.class)
class MailConfiguration {

    @Bean
    SendGridMailer sendGridMailer(@Value("${pausepoint.sendgrid.api-key}") String apiKey,
            @Value("${pausepoint.sendgrid.from-email}") String fromEmail,
            @Value("${pausepoint.sendgrid.from-name}") String fromName,
            @Value("${pausepoint.sendgrid.base-url}") String baseUrl) {
        return new SendGridMailer(apiKey, fromEmail, fromName, baseUrl);
    }
}
