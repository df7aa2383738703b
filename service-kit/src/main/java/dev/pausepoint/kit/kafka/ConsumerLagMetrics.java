package dev.pausepoint.kit.kafka;

import dev.pausepoint.kit.metrics.CachedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Consumer lag per group and topic ({@code pausepoint.kafka.consumer.lag}): the records on the broker
 * that the group has not committed yet, summed over the topic's partitions, as the broker sees it. Unlike
 * the Kafka client's own {@code records-lag-max}, it is there for a group whose consumers are down or
 * rebalancing, which is when it matters. The groups and topics are this service's listeners'; the offsets
 * are read with one admin round per group at most every {@link #MAX_AGE}, each call bounded, so a broker
 * outage shows as NaN instead of a hung scrape.
 */
final class ConsumerLagMetrics implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    static final Duration MAX_AGE = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    private record GroupTopic(String group, String topic) {
    }

    private final KafkaListenerEndpointRegistry listeners;
    private final Supplier<Admin> admins;
    private final MeterRegistry meters;
    private Admin admin;

    ConsumerLagMetrics(KafkaListenerEndpointRegistry listeners, Supplier<Admin> admins, MeterRegistry meters) {
        this.listeners = listeners;
        this.admins = admins;
        this.meters = meters;
    }

    /** Once every listener container exists: one gauge per group and topic it consumes. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Map<String, Set<String>> topicsByGroup = new LinkedHashMap<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String[] topics = container.getContainerProperties().getTopics();
            if (container.getGroupId() != null && topics != null) {
                topicsByGroup.computeIfAbsent(container.getGroupId(), group -> new TreeSet<>()).addAll(Set.of(topics));
            }
        }
        if (topicsByGroup.isEmpty()) {
            return;
        }
        CachedReading<Map<GroupTopic, Long>> lag = new CachedReading<>("consumer lag", MAX_AGE, Map.of(),
                () -> read(topicsByGroup));
        topicsByGroup.forEach((group, topics) -> topics.forEach(topic -> Gauge.builder("pausepoint.kafka.consumer.lag",
                        lag, reading -> {
                            Map<GroupTopic, Long> current = reading.get();
                            return current.isEmpty() ? Double.NaN : current.getOrDefault(new GroupTopic(group, topic), 0L);
                        })
                .description("Records on the broker the consumer group has not committed yet")
                .baseUnit("records").tags("group", group, "topic", topic).strongReference(true)
                .register(meters)));
    }

    private synchronized Map<GroupTopic, Long> read(Map<String, Set<String>> topicsByGroup) {
        if (admin == null) {
            admin = admins.get();
        }
        Map<GroupTopic, Long> lag = new HashMap<>();
        try {
            for (Map.Entry<String, Set<String>> group : topicsByGroup.entrySet()) {
                group.getValue().forEach(topic -> lag.put(new GroupTopic(group.getKey(), topic), 0L));
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                committed.forEach((partition, offset) -> {
                    if (offset != null && group.getValue().contains(partition.topic())) {
                        ends.put(partition, OffsetSpec.latest());
                    }
                });
                if (ends.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, ListOffsetsResultInfo> latest = admin.listOffsets(ends).all()
                        .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                latest.forEach((partition, end) -> lag.merge(new GroupTopic(group.getKey(), partition.topic()),
                        Math.max(0, end.offset() - committed.get(partition).offset()), Long::sum));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading consumer offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read consumer offsets: " + e, e);
        }
        return lag;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
