package dev.pausepoint.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Testcontainers path, used only where a Docker engine answers. Kept in its own class so that a
 * JVM without Docker never loads the Testcontainers classes at all. Containers are stopped by
 * Testcontainers' own reaper when the JVM exits.
 */
final class DockerInfrastructure {

    private DockerInfrastructure() {
    }

    static boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static PostgresAccess postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
                .withUsername("postgres").withPassword("postgres")
                .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
        container.start();
        return new PostgresAccess(container.getHost(), container.getMappedPort(5432), "postgres", "postgres");
    }

    static KafkaAccess kafka() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.2");
        container.start();
        return new KafkaAccess(container.getBootstrapServers());
    }

    static RedisAccess redis() {
        GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        container.start();
        return new RedisAccess(container.getHost(), container.getMappedPort(6379));
    }
}
