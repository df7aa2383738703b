package dev.pausepoint.kit.kafka;

import dev.pausepoint.events.Topics;
import dev.pausepoint.kit.tracing.Spans;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How every service's listeners fail: a record whose processing throws is retried a few times with
 * backoff, then published to {@code <topic>.dlt} with the failure in its headers and counted
 * ({@code pausepoint.kafka.dead_letters}, tagged with the topic it came from), so one poison message
 * never blocks its partition. A record that failed only because the database was away is retried
 * until it is back instead ({@link DatabaseOutageBackOff}). A record that is not a contract event at all goes to the same place
 * without retries. And how they rejoin after a crash: with static membership, see
 * {@link #staticGroupMembership}.
 */
@AutoConfiguration
public class KafkaConsumersAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConsumersAutoConfiguration.class);

    @Bean
    EventBatches eventBatches(PlatformTransactionManager transactions, Spans spans) {
        return new EventBatches(new TransactionTemplate(transactions), spans);
    }

    @Bean
    ConsumerLagMetrics consumerLagMetrics(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin,
            MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "consumer-lag-metrics");
        return new ConsumerLagMetrics(listeners, () -> Admin.create(config), meters);
    }

    /**
     * Static membership when {@code pausepoint.kafka.instance-id} is set: the id names this copy, the
     * listener id the container, so each container of each copy has its own stable
     * {@code group.instance.id} (spring-kafka suffixes it again per thread when concurrency is above 1).
     * A copy restarted with the same id is handed its old partitions at once; without it the group waits
     * for the dead member's session to expire first. See docs/decisions/0007-kafka-consumer-recovery.md.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> staticGroupMembership(
            @Value("${pausepoint.kafka.instance-id:}") String instanceId) {
        return container -> {
            if (!instanceId.isBlank()) {
                container.getContainerProperties().getKafkaConsumerProperties().setProperty(
                        ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId + "-" + container.getListenerId());
            }
        };
    }

    /**
     * A listener stopped on purpose leaves its group at once, static member or not; see
     * {@link LeavingConsumers}.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer leaveGroupOnCleanStop() {
        return factory -> factory.addPostProcessor(LeavingConsumers::leavingOnClose);
    }

    @Bean
    CommonErrorHandler pausePointErrorHandler(ProducerFactory<?, ?> producers, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // Undeserialisable records arrive as their original bytes; valid events as events.
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config)));
        templates.put(Object.class, new KafkaTemplate<>(producers));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, failure) -> {
                    meters.counter("pausepoint.kafka.dead_letters", "topic", record.topic()).increment();
                    log.error("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                            failure.toString());
                    return new TopicPartition(Topics.deadLetter(record.topic()), 0);
                });
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(4);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.setBackOffFunction(new DatabaseOutageBackOff());
        return handler;
    }
}
