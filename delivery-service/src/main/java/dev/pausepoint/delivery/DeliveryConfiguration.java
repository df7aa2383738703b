package dev.pausepoint.delivery;

import dev.pausepoint.delivery.channel.ChannelSender;
import dev.pausepoint.delivery.channel.EmailSender;
import dev.pausepoint.delivery.channel.SlackSender;
import dev.pausepoint.delivery.channel.SmsPolicy;
import dev.pausepoint.delivery.channel.SmsSender;
import dev.pausepoint.delivery.notification.NotificationStore;
import dev.pausepoint.delivery.notification.NotificationWorker;
import dev.pausepoint.delivery.outbound.OutboundGuard;
import dev.pausepoint.delivery.outbound.OutboundHttp;
import dev.pausepoint.delivery.schedule.InFlightLimits;
import dev.pausepoint.delivery.schedule.RetrySchedule;
import dev.pausepoint.delivery.webhook.WebhookSecretBox;
import dev.pausepoint.delivery.webhook.WebhookStore;
import dev.pausepoint.delivery.webhook.WebhookWorker;
import dev.pausepoint.identity.Hmac;
import dev.pausepoint.kit.mail.SendGridMailer;
import dev.pausepoint.kit.outbox.Outbox;
import dev.pausepoint.kit.validation.SmsCountryCodes;
import gg.jte.TemplateEngine;
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
import tools.jackson.databind.json.JsonMapper;

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

    /**
     * Webhook receivers: 10 s to answer (docs/api-reference.md, "Webhooks"). Isolation between endpoints
     * and developers is the worker's limits, not the client's per-host one: many developers may share one
     * receiving host. The client's cap is the worker's total, never the bottleneck: each call in flight
     * runs on one of the dispatcher's threads, so the total is also the most threads webhooks can hold.
     */
    @Bean
    OkHttpClient webhookHttp(OutboundGuard guard, DeliveryProperties properties) {
        int total = properties.webhooks().maxInFlight();
        return OutboundHttp.client(guard, Duration.ofSeconds(10), total, total);
    }

    /** Signing secrets are sealed under their own key, derived from the internal secret. */
    @Bean
    WebhookSecretBox webhookSecretBox(@Value("${pausepoint.internal-secret:}") String internalSecret) {
        if (internalSecret.length() < 32) {
            throw new IllegalStateException("INTERNAL_SECRET (at least 32 characters) is needed to seal webhook secrets");
        }
        return new WebhookSecretBox(Hmac.deriveKey(internalSecret, "pausepoint/webhook-secrets/1"));
    }

    @Bean
    WebhookWorker webhookWorker(WebhookStore store, WebhookSecretBox secrets,
            @Qualifier("webhookHttp") OkHttpClient http, JsonMapper json, DeliveryProperties properties,
            TransactionTemplate transactions, Clock clock) {
        return new WebhookWorker(store, secrets, http, json,
                new RetrySchedule(properties.webhookRetryDelays(), properties.jitter()), transactions, clock,
                properties.workerInterval(), limits("pausepoint.delivery.webhooks", properties.webhooks().maxInFlight(),
                        properties.webhooks().maxInFlightPerDeveloper()));
    }

    @Bean
    SmsPolicy smsPolicy(DeliveryProperties properties) {
        return new SmsPolicy(SmsCountryCodes.of(properties.sms().allowedCountryCodes()), properties.sms().maxSegments());
    }

    @Bean
    SmsSender smsSender(DeliveryProperties properties, SmsPolicy policy,
            @Value("${pausepoint.public-base-url}") String publicBaseUrl) {
        DeliveryProperties.Twilio twilio = properties.twilio();
        return new SmsSender(twilio.accountSid(), twilio.authToken(), twilio.fromNumber(), twilio.baseUrl(), publicBaseUrl,
                policy);
    }

    @Bean
    EmailSender emailSender(SendGridMailer mailer, TemplateEngine templates) {
        return new EmailSender(mailer, templates);
    }

    @Bean
    SlackSender slackSender(@Qualifier("slackHttp") OkHttpClient slackHttp) {
        return new SlackSender(slackHttp);
    }

    /** The provider SDKs block: one thread per send in flight, and the worker claims no more than there are. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService notificationSenders(DeliveryProperties properties) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(properties.notifications().senders(), runnable -> {
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
                properties.workerInterval(), pool, limits("pausepoint.delivery.notifications",
                        properties.notifications().senders(), properties.notifications().maxInFlightPerDeveloper()));
    }

    /** Refuses to start with a per-developer cap that would let one developer fill the instance. */
    private static InFlightLimits limits(String settings, int total, int perDeveloper) {
        try {
            return new InFlightLimits(total, perDeveloper);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(settings + ": " + e.getMessage(), e);
        }
    }
}
