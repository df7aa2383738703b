package dev.pausepoint.kit.outbox;

import dev.pausepoint.kit.tracing.Spans;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The outbox for services that publish ({@code pausepoint.outbox.enabled}, together with the
 * {@code db/kit/outbox} migration) and the consumer ledger for services that consume
 * ({@code pausepoint.inbox.enabled}, with {@code db/kit/inbox}).
 */
@AutoConfiguration
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnProperty("pausepoint.outbox.enabled")
    OutboxRelay outboxRelay(ProducerFactory<?, ?> producers, MeterRegistry meters,
            @Value("${spring.datasource.url}") String url, @Value("${spring.datasource.username}") String username,
            @Value("${spring.datasource.password}") String password,
            @Value("${pausepoint.outbox.batch-size:2000}") int batchSize,
            @Value("${pausepoint.outbox.poll-interval:500ms}") Duration pollInterval,
            @Value("${pausepoint.outbox.send-timeout:30s}") Duration sendTimeout) {
        // The rows already hold the event JSON; the relay sends those exact bytes as strings.
        Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        // A batch waits for its acks before deleting its rows: during an outage it should give up after
        // sendTimeout and back off, not sit in the producer's own retries.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis() / 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout.toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new OutboxRelay(relayConnections(url, username, password), () -> new KafkaProducer<>(config),
                batchSize, pollInterval, sendTimeout, meters);
    }

    /** The relay's own connections, outside the pool: its session holds the publisher's lock for as long as it lives. */
    public static OutboxRelay.Connections relayConnections(String url, String username, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", OutboxRelay.APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        return () -> DriverManager.getConnection(url, properties);
    }

    @Bean
    @ConditionalOnProperty("pausepoint.outbox.enabled")
    OutboxMetrics outboxMetrics(JdbcClient jdbc, MeterRegistry meters) {
        return new OutboxMetrics(jdbc, meters);
    }

    @Bean
    @ConditionalOnProperty("pausepoint.outbox.enabled")
    Outbox outbox(JdbcClient jdbc, OutboxRelay relay, Spans spans) {
        return new Outbox(jdbc, relay, spans);
    }

    @Bean
    @ConditionalOnProperty("pausepoint.inbox.enabled")
    ProcessedEvents processedEvents(JdbcClient jdbc) {
        return new ProcessedEvents(jdbc);
    }
}
