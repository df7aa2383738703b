/**
 * Real infrastructure for tests and the local stack: {@link dev.pausepoint.testsupport.TestInfrastructure}
 * gives each test JVM one Postgres, Kafka and Redis (external, Testcontainers, or embedded real servers),
 * and {@link dev.pausepoint.testsupport.spring.RealInfrastructure} points a Spring test context at them.
 */
package dev.pausepoint.testsupport;
