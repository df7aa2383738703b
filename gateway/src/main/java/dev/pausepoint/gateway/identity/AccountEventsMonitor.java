package dev.pausepoint.gateway.identity;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Decides whether revocations reach this instance, and so whether its key cache may answer
 * ({@link CredentialCache#trustUntil}). That needs the account-events consumer to hold its partitions
 * and to be in contact with the broker. Having polled proves nothing: with the broker stopped the
 * consumer keeps polling and getting nothing, keeps its assignment for as long as the outage lasts, and
 * no rebalance callback fires (measured with Kafka 4.1's classic consumer). What does stop is the
 * broker's answers to fetches: the consumer's {@code fetch-total} metric counts them, and with
 * {@code fetch.max.wait.ms=100} a healthy consumer gets about ten a second even when no event comes.
 * So each tick reads that counter; while it advances and partitions are held, the cache is trusted
 * until the last answer plus {@code broker-contact-timeout}. After any (re)assignment contact must be
 * shown again before the cache is used, and it then starts empty.
 */
public class AccountEventsMonitor implements SmartLifecycle {

    static final String LISTENER_ID = "gateway-account-events";
    private static final Logger log = LoggerFactory.getLogger(AccountEventsMonitor.class);

    private final KafkaListenerEndpointRegistry listeners;
    private final CredentialCache cache;
    private final Duration contactTimeout;
    private final Duration tick;
    private ScheduledExecutorService ticker;
    /** The fetch count contact is judged against; NaN until one is read after the latest assignment. */
    private double fetchesBefore = Double.NaN;
    private volatile long lastContact;
    private volatile boolean contactSinceAssignment;
    private volatile boolean assignmentChanged;
    private boolean cacheWasInUse;

    public AccountEventsMonitor(KafkaListenerEndpointRegistry listeners, CredentialCache cache,
            Duration contactTimeout) {
        this.listeners = listeners;
        this.cache = cache;
        this.contactTimeout = contactTimeout;
        // Often enough that the cache is back within a second of the broker; the deadline itself is exact.
        this.tick = Duration.ofMillis(Math.max(50, Math.min(1000, contactTimeout.toMillis() / 10)));
    }

    /** Partitions were assigned or revoked (on the consumer's thread): no trust until contact is shown again. */
    public synchronized void assignmentChanged() {
        assignmentChanged = true;
        cache.distrust();
    }

    synchronized void check() {
        MessageListenerContainer container = listeners.getListenerContainer(LISTENER_ID);
        if (container == null) {
            return;
        }
        long now = System.nanoTime();
        if (assignmentChanged) {
            assignmentChanged = false;
            contactSinceAssignment = false;
            fetchesBefore = Double.NaN;
        }
        double fetches = fetchResponses(container);
        if (!Double.isNaN(fetches)) {
            if (!Double.isNaN(fetchesBefore) && fetches > fetchesBefore) {
                lastContact = now;
                contactSinceAssignment = true;
            }
            // Also follows the count down when a restarted consumer starts again from zero.
            fetchesBefore = fetches;
        }
        if (contactSinceAssignment && !assignedPartitions(container).isEmpty() && now - lastContact < contactTimeout.toNanos()) {
            cache.trustUntil(lastContact + contactTimeout.toNanos());
        }
        boolean inUse = cache.inUse();
        if (inUse != cacheWasInUse) {
            cacheWasInUse = inUse;
            if (inUse) {
                log.info("Account events are flowing; API keys are answered from this instance's cache (emptied first)");
            } else {
                log.warn("No broker answer to the account-events consumer for {} or partitions not held; every API key "
                        + "is looked up in billing-service until it is back", contactTimeout);
            }
        }
    }

    /** The broker's answers to this consumer's fetches so far, summed over its clients; NaN before it runs. */
    private static double fetchResponses(MessageListenerContainer container) {
        double total = Double.NaN;
        for (Map<MetricName, ? extends Metric> client : container.metrics().values()) {
            for (Map.Entry<MetricName, ? extends Metric> metric : client.entrySet()) {
                MetricName name = metric.getKey();
                if (name.name().equals("fetch-total") && name.group().equals("consumer-fetch-manager-metrics")
                        && !name.tags().containsKey("topic")
                        && metric.getValue().metricValue() instanceof Number value) {
                    total = (Double.isNaN(total) ? 0 : total) + value.doubleValue();
                }
            }
        }
        return total;
    }

    private static Collection<TopicPartition> assignedPartitions(MessageListenerContainer container) {
        Collection<TopicPartition> assigned = container.getAssignedPartitions();
        return assigned == null ? List.of() : assigned;
    }

    /** What the health endpoint shows. */
    AccountEventsState state() {
        MessageListenerContainer container = listeners.getListenerContainer(LISTENER_ID);
        int partitions = container == null ? 0 : assignedPartitions(container).size();
        Long sinceContact = contactSinceAssignment
                ? Duration.ofNanos(System.nanoTime() - lastContact).toMillis() : null;
        return new AccountEventsState(cache.inUse(), partitions, sinceContact, cache.size());
    }

    /** A snapshot for operators: whether the key cache answers, and why. */
    record AccountEventsState(boolean keyCacheInUse, int assignedPartitions, Long millisSinceBrokerContact,
            long cachedKeys) {
    }

    @Override
    public synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "account-events-monitor");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::checkSafely, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            // A failed check trusts nothing new, and the next one tries again; the deadline runs out on its own.
            log.warn("Checking the account-events consumer failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }
}
