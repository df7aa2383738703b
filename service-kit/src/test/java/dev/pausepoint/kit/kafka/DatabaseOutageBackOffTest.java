package dev.pausepoint.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;

class DatabaseOutageBackOffTest {

    private static final ConsumerRecord<String, String> RECORD = new ConsumerRecord<>("pause-events", 0, 7, "k", "v");

    /** As the container hands it over: the listener's failure around the batch's around the cause. */
    private static Exception fromListener(Throwable cause) {
        return new ListenerExecutionFailedException("listener failed",
                new BatchListenerFailedException("could not apply evt_1", cause, 0));
    }

    @Test
    void aRecordThatFailedOnlyForWantOfTheDatabaseIsRetriedForAsLongAsItTakesEveryFewSeconds() {
        Exception noConnection = fromListener(new DataAccessResourceFailureException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
        BackOffExecution waits = new DatabaseOutageBackOff().apply(RECORD, noConnection).start();

        long longest = 0;
        for (int attempt = 0; attempt < 1000; attempt++) {
            long wait = waits.nextBackOff();
            assertThat(wait).as("attempt " + attempt).isNotEqualTo(BackOffExecution.STOP);
            longest = Math.max(longest, wait);
        }
        assertThat(longest).isEqualTo(DatabaseOutageBackOff.LONGEST_WAIT_MS);
    }

    @Test
    void postgresShuttingDownCountsAsAnOutage() {
        Exception adminShutdown = fromListener(new SQLException("terminating connection due to administrator command",
                "57P01"));

        assertThat(new DatabaseOutageBackOff().apply(RECORD, adminShutdown)).isNotNull();
    }

    @Test
    void anyOtherFailureKeepsTheHandlersFewAttemptsThenTheDeadLetterTopic() {
        Exception constraint = fromListener(new SQLException("duplicate key value", "23505"));
        Exception bug = fromListener(new IllegalStateException("a bug"));

        assertThat(new DatabaseOutageBackOff().apply(RECORD, constraint)).isNull();
        assertThat(new DatabaseOutageBackOff().apply(RECORD, bug)).isNull();
    }
}
