package dev.pausepoint.kit.kafka;

import dev.pausepoint.errors.DatabaseFailures;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The error handler's back-off for a record whose processing failed because the service's database was
 * not there ({@link DatabaseFailures#unreachable}): retried every few seconds for as long as the outage
 * lasts, never dead-lettered. The record is not poison, and every record behind it needs the database
 * too; dead-lettering after the usual few attempts would lose the events of any outage longer than
 * those attempts (about 20 s with the pool's 5 s connection timeout). Any other failure gets the
 * handler's default (null here).
 */
final class DatabaseOutageBackOff implements BiFunction<ConsumerRecord<?, ?>, Exception, BackOff> {

    static final long FIRST_WAIT_MS = 500;
    static final long LONGEST_WAIT_MS = 5000;

    @Override
    public BackOff apply(ConsumerRecord<?, ?> record, Exception failure) {
        if (!DatabaseFailures.unreachable(failure)) {
            return null;
        }
        ExponentialBackOff backOff = new ExponentialBackOff(FIRST_WAIT_MS, 2.0);
        backOff.setMaxInterval(LONGEST_WAIT_MS);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Integer.MAX_VALUE);
        return backOff;
    }
}
