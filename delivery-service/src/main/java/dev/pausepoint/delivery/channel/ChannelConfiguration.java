package dev.pausepoint.delivery.channel;

import dev.pausepoint.delivery.outbound.OutboundGuard;
import dev.pausepoint.delivery.outbound.OutboundHttp;
import dev.pausepoint.kit.mail.SendGridMailer;
import dev.pausepoint.kit.validation.SmsCountryCodes;
import gg.jte.TemplateEngine;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The three senders, each a {@link ChannelSender} the notification worker finds by its channel. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChannelProperties.class)
class ChannelConfiguration {

    @Bean
    SmsPolicy smsPolicy(ChannelProperties properties) {
        ChannelProperties.Sms sms = properties.sms();
        return new SmsPolicy(SmsCountryCodes.of(sms.allowedCountryCodes()), sms.maxSegments());
    }

    @Bean
    SmsSender smsSender(ChannelProperties properties, SmsPolicy policy,
            @Value("${pausepoint.public-base-url}") String publicBaseUrl) {
        ChannelProperties.Twilio twilio = properties.twilio();
        return new SmsSender(twilio.accountSid(), twilio.authToken(), twilio.fromNumber(), twilio.baseUrl(),
                publicBaseUrl, policy);
    }

    @Bean
    EmailSender emailSender(SendGridMailer mailer, TemplateEngine templates) {
        return new EmailSender(mailer, templates);
    }

    /** Slack recipients are developer-supplied URLs too: the same guard, 10 s per call. */
    @Bean
    SlackSender slackSender(OutboundGuard guard) {
        return new SlackSender(OutboundHttp.client(guard, Duration.ofSeconds(10), 64, 8));
    }
}
