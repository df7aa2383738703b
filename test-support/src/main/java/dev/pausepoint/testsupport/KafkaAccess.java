package dev.pausepoint.testsupport;

/** How to reach a running Kafka broker. */
public record KafkaAccess(String bootstrapServers) {
}
