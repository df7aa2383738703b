/**
 * Real Postgres, Kafka and Redis servers started from Java on a chosen or free port, used by tests on
 * machines without Docker and by the local stack.
 */
package dev.pausepoint.testsupport.embedded;
