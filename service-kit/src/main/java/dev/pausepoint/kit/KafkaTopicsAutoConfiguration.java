package dev.pausepoint.kit;

import dev.pausepoint.events.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares every topic of the contract and its dead-letter topic, so whichever service starts first
 * creates them with the configured partitions (the unit of consumer parallelism) and replication.
 */
@AutoConfiguration
public class KafkaTopicsAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics pausePointTopics(@Value("${pausepoint.kafka.partitions:6}") int partitions,
            @Value("${pausepoint.kafka.replication-factor:1}") short replicas) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build());
            topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(1).replicas(replicas).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
