package dev.pausepoint.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pausepoint.delivery.callback.CallbackProperties;
import dev.pausepoint.delivery.channel.ChannelProperties;
import dev.pausepoint.delivery.notification.NotificationProperties;
import dev.pausepoint.delivery.outbound.OutboundProperties;
import dev.pausepoint.delivery.schedule.InFlightLimits;
import dev.pausepoint.delivery.schedule.ScheduleProperties;
import dev.pausepoint.delivery.webhook.WebhookProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Each feature binds its own settings, all under {@code pausepoint.delivery} with the keys, defaults and
 * environment variables that application.yml documents; a setting two features read (Twilio's auth
 * token) reaches both. Bound from the service's real application.yml, without starting anything.
 */
class DeliverySettingsTest {

    private static Binder settings(Map<String, Object> environment) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        try {
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(sources::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources),
                ApplicationConversionService.getSharedInstance());
    }

    private static <T> T bind(Binder binder, Class<T> type) {
        return binder.bind("pausepoint.delivery", type).get();
    }

    @Test
    void everySettingHasItsDocumentedDefault() {
        Binder binder = settings(Map.of());

        ScheduleProperties schedule = bind(binder, ScheduleProperties.class);
        assertThat(schedule.jitter()).isEqualTo(0.1);
        assertThat(schedule.workerInterval()).isEqualTo(Duration.ofMillis(500));

        NotificationProperties notifications = bind(binder, NotificationProperties.class);
        assertThat(notifications.notificationRetryDelays()).containsExactly(Duration.ofSeconds(30),
                Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10));
        assertThat(notifications.notifications().limits()).isEqualTo(new InFlightLimits(16, 8));

        WebhookProperties webhooks = bind(binder, WebhookProperties.class);
        assertThat(webhooks.webhookRetryDelays()).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
                Duration.ofHours(10));
        assertThat(webhooks.webhookLogRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(webhooks.webhooks().limits()).isEqualTo(new InFlightLimits(256, 32));

        ChannelProperties channels = bind(binder, ChannelProperties.class);
        assertThat(channels.sms().allowedCountryCodes()).containsExactly("1");
        assertThat(channels.sms().maxSegments()).isEqualTo(4);
        assertThat(channels.twilio()).isEqualTo(new ChannelProperties.Twilio("", "", "", ""));

        CallbackProperties callbacks = bind(binder, CallbackProperties.class);
        assertThat(callbacks.twilio().authToken()).isEmpty();
        assertThat(callbacks.sendgridEventPublicKey()).isEmpty();
        assertThat(callbacks.sendgridEventTolerance()).isEqualTo(Duration.ofMinutes(10));

        assertThat(bind(binder, OutboundProperties.class).insecureHosts()).isEmpty();
    }

    @Test
    void theDocumentedEnvironmentVariablesStillSetThem() {
        Binder binder = settings(Map.of(
                "DELIVERY_INSECURE_HOSTS", "receiver.test,127.0.0.2",
                "SMS_ALLOWED_COUNTRY_CODES", "1,44",
                "SMS_MAX_SEGMENTS", "2",
                "TWILIO_ACCOUNT_SID", "AC-sid",
                "TWILIO_AUTH_TOKEN", "twilio-token",
                "TWILIO_FROM_NUMBER", "+15005550006",
                "TWILIO_BASE_URL", "http://localhost:9",
                "SENDGRID_EVENT_PUBLIC_KEY", "sendgrid-key",
                "PAUSEPOINT_DELIVERY_WEBHOOKS_MAXINFLIGHT", "64",
                "PAUSEPOINT_DELIVERY_WORKERINTERVAL", "2s"));

        assertThat(bind(binder, OutboundProperties.class).insecureHosts()).containsExactly("receiver.test", "127.0.0.2");
        ChannelProperties channels = bind(binder, ChannelProperties.class);
        assertThat(channels.sms()).isEqualTo(new ChannelProperties.Sms(List.of("1", "44"), 2));
        assertThat(channels.twilio())
                .isEqualTo(new ChannelProperties.Twilio("AC-sid", "twilio-token", "+15005550006", "http://localhost:9"));
        CallbackProperties callbacks = bind(binder, CallbackProperties.class);
        assertThat(callbacks.twilio().authToken()).as("the callback checks Twilio's signature with the same token")
                .isEqualTo("twilio-token");
        assertThat(callbacks.sendgridEventPublicKey()).isEqualTo("sendgrid-key");
        assertThat(bind(binder, WebhookProperties.class).webhooks().limits()).isEqualTo(new InFlightLimits(64, 32));
        assertThat(bind(binder, ScheduleProperties.class).workerInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aPerDeveloperCapThatCouldFillTheInstanceStopsTheStartNamingItsSetting() {
        assertThatThrownBy(() -> new WebhookProperties.Webhooks(32, 32).limits())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("pausepoint.delivery.webhooks: in-flight limits need 1 <= per developer (32) < total (32)");
        assertThatThrownBy(() -> new NotificationProperties.Notifications(16, 0).limits())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("pausepoint.delivery.notifications: in-flight limits need 1 <= per developer (0) < total (16)");
    }
}
