package dev.pausepoint.kit.metrics;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value that is expensive to read (a database query, a call to the broker) behind gauges that are
 * read on every scrape, by every scraper: it is read again only once it is older than {@code maxAge},
 * and a read that fails yields {@code unavailable} (a gauge shows NaN) until the next one, so a slow or
 * broken dependency never fails the scrape or multiplies its load.
 */
public final class CachedReading<T> {

    private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

    private final String what;
    private final Supplier<T> read;
    private final long maxAgeNanos;
    private final T unavailable;
    private T value;
    private long readAt;
    private boolean everRead;

    /**
     * @param what what is read, for the log ("outbox backlog")
     * @param unavailable what a failed read gives, e.g. a reading whose numbers are NaN
     */
    public CachedReading(String what, Duration maxAge, T unavailable, Supplier<T> read) {
        this.what = what;
        this.read = read;
        this.maxAgeNanos = maxAge.toNanos();
        this.unavailable = unavailable;
    }

    public synchronized T get() {
        long now = System.nanoTime();
        if (!everRead || now - readAt >= maxAgeNanos) {
            try {
                value = read.get();
            } catch (RuntimeException e) {
                log.debug("Could not read the {} for the metrics: {}", what, e.toString());
                value = unavailable;
            }
            readAt = now;
            everRead = true;
        }
        return value;
    }
}
