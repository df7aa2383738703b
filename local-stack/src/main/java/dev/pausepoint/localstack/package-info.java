/**
 * Running the whole system locally: {@link dev.pausepoint.localstack.LocalStack} is {@code ./run-local};
 * {@link dev.pausepoint.localstack.ServiceFleet} starts and stops the five service processes and is
 * reused by the system tests.
 */
package dev.pausepoint.localstack;
