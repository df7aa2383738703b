package dev.pausepoint.delivery;

import dev.pausepoint.delivery.channel.ChannelSender;
import dev.pausepoint.delivery.channel.EmailSender;
import dev.pausepoint.delivery.channel.SlackSender;
import dev.pausepoint.delivery.channel.SmsSender;
import dev.pausepoint.delivery.notification.NotificationStore;
import dev.pausepoint.delivery.notification.NotificationWorker;
import dev.pausepoint.delivery.outbound.OutboundGuard;
import dev.pausepoint.delivery.outbound.OutboundHttp;
import dev.pausepoint.delivery.schedule.RetrySchedule;
import dev.pausepoint.kit.mail.SendGridMailer;
import dev.pausepoint.kit.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

    @Bean
    OutboundGuard outboundGuard(DeliveryProperties properties) {
        return new OutboundGuard(properties.insecureHosts() == null ? List.of() : properties.insecureHosts());
    }

    /** Slack recipients are developer-supplied URLs too: the same guard, 10 s per call. */
    @Bean
    OkHttpClient slackHttp(OutboundGuard guard) {
        return OutboundHttp.client(guard, Duration.ofSeconds(10), 64, 8);
    }

    /** Webhook receivers: 10 s to answer, at most 4 calls at once per host so one slow host cannot starve others. */
    @Bean
    OkHttpClient webhookHttp(OutboundGuard guard) {
        return OutboundHttp.client(guard, Duration.ofSeconds(10), 256, 4);
    }

    @Bean
    SmsSender smsSender(DeliveryProperties properties, @Value("${pausepoint.public-base-url}") String publicBaseUrl) {
        DeliveryProperties.Twilio twilio = properties.twilio();
        return new SmsSender(twilio.accountSid(), twilio.authToken(), twilio.fromNumber(), twilio.baseUrl(), publicBaseUrl);
    }

    @Bean
    EmailSender emailSender(SendGridMailer mailer) {
        return new EmailSender(mailer);
    }

    @Bean
    SlackSender slackSender(@Qualifier("slackHttp") OkHttpClient slackHttp) {
        return new SlackSender(slackHttp);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService notificationSenders() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "notification-sender-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    NotificationWorker notificationWorker(NotificationStore store, List<ChannelSender> senders,
            DeliveryProperties properties, Outbox outbox, TransactionTemplate transactions, Clock clock,
            @Qualifier("notificationSenders") ExecutorService pool) {
        return new NotificationWorker(store, senders,
                new RetrySchedule(properties.notificationRetryDelays(), properties.jitter()), outbox, transactions, clock,
                properties.workerInterval(), pool);
    }
}
