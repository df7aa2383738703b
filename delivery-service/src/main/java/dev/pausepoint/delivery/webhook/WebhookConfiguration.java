package dev.pausepoint.delivery.webhook;

import dev.pausepoint.delivery.outbound.OutboundGuard;
import dev.pausepoint.delivery.outbound.OutboundHttp;
import dev.pausepoint.delivery.schedule.InFlightLimits;
import dev.pausepoint.delivery.schedule.LeaseHolder;
import dev.pausepoint.delivery.schedule.RetrySchedule;
import dev.pausepoint.delivery.schedule.ScheduleProperties;
import dev.pausepoint.identity.Hmac;
import dev.pausepoint.kit.tracing.Spans;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Scheduling is for {@link WebhookLogPurge}; the worker runs its own loop. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
@EnableScheduling
class WebhookConfiguration {

    /** Signing secrets are sealed under their own key, derived from the internal secret. */
    @Bean
    WebhookSecretBox webhookSecretBox(@Value("${pausepoint.internal-secret:}") String internalSecret) {
        if (internalSecret.length() < 32) {
            throw new IllegalStateException("INTERNAL_SECRET (at least 32 characters) is needed to seal webhook secrets");
        }
        return new WebhookSecretBox(Hmac.deriveKey(internalSecret, "pausepoint/webhook-secrets/1"));
    }

    /**
     * Receivers get 10 s to answer (docs/api-reference.md, "Webhooks"). Isolation between endpoints and
     * developers is the worker's limits, not the client's per-host one: many developers may share one
     * receiving host. The client's cap is the worker's total, never the bottleneck: each call in flight
     * runs on one of the dispatcher's threads, so the total is also the most threads webhooks can hold.
     */
    @Bean
    WebhookWorker webhookWorker(WebhookDeliveryRepository deliveries, WebhookSecretBox secrets, OutboundGuard guard,
            JsonMapper json, WebhookProperties properties, ScheduleProperties schedule,
            TransactionTemplate transactions, Clock clock, LeaseHolder holder, Spans spans,
            WebhookMetrics metrics) {
        InFlightLimits limits = properties.webhooks().limits();
        OkHttpClient http = OutboundHttp.client(guard, Duration.ofSeconds(10), limits.total(), limits.total());
        RetrySchedule retries = schedule.retrySchedule(properties.webhookRetryDelays());
        return new WebhookWorker(deliveries, secrets, http, json, retries, transactions, clock,
                schedule.workerInterval(), limits, holder, spans, metrics);
    }
}
