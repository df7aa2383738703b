package dev.pausepoint.delivery.notification;

import dev.pausepoint.delivery.channel.ChannelSender;
import dev.pausepoint.delivery.channel.OutgoingMessage;
import dev.pausepoint.delivery.channel.SendResult;
import dev.pausepoint.delivery.schedule.RetrySchedule;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.events.delivery.NotificationDelivered;
import dev.pausepoint.events.delivery.NotificationFailed;
import dev.pausepoint.events.delivery.NotificationSent;
import dev.pausepoint.kit.lifecycle.BackgroundLoop;
import dev.pausepoint.kit.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due notifications: claims them (a lease, so two instances never send one twice at once),
 * sends each on a bounded pool, and records the outcome with its event in one transaction. A retryable
 * failure is scheduled again from the persisted schedule; a final one fails the notification.
 */
public class NotificationWorker extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(NotificationWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 32;

    private final NotificationStore store;
    private final Map<String, ChannelSender> senders;
    private final RetrySchedule schedule;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration interval;
    private final ExecutorService pool;
    private final Semaphore wakeups = new Semaphore(0);

    public NotificationWorker(NotificationStore store, List<ChannelSender> senders, RetrySchedule schedule,
            Outbox outbox, TransactionTemplate transactions, Clock clock, Duration interval, ExecutorService pool) {
        super("notification-worker", Duration.ofSeconds(5));
        this.store = store;
        this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
        this.schedule = schedule;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.interval = interval;
        this.pool = pool;
    }

    public void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    @Override
    protected void loop() {
        while (running()) {
            try {
                int claimed = runDue();
                if (claimed < BATCH) {
                    wakeups.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Notification round failed, next one retries: {}", e.toString());
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Claims and sends what is due now; returns how many it claimed. */
    public int runDue() {
        List<Notification> due = transactions.execute(status -> store.claimDue(clock.instant(), LEASE, BATCH));
        if (due == null) {
            return 0;
        }
        for (Notification notification : due) {
            pool.execute(() -> send(notification));
        }
        return due.size();
    }

    private void send(Notification notification) {
        int attempt = notification.attempts() + 1;
        long started = System.nanoTime();
        SendResult result = senders.get(notification.channel()).send(new OutgoingMessage(notification.pauseId(),
                notification.recipient(), notification.message(), notification.options(), notification.respondUrl()));
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        Instant now = EventIds.now(clock);
        try {
            transactions.executeWithoutResult(status -> record(notification, attempt, result, millis, now));
        } catch (RuntimeException e) {
            log.warn("Could not record attempt {} of {}; the lease will bring it back: {}", attempt,
                    notification.pauseId(), e.toString());
        }
    }

    private void record(Notification n, int attempt, SendResult result, long millis, Instant now) {
        store.recordAttempt(n.pauseId(), attempt, result.statusCode(), result.error(), millis, now);
        switch (result.outcome()) {
            case ACCEPTED -> {
                store.markSent(n.pauseId(), attempt, result.providerMessageId(), result.delivered(), now);
                outbox.publish(new NotificationSent(EventIds.newEventId(), now, Event.SCHEMA_VERSION, n.pauseId(),
                        n.developerId(), n.livemode(), n.channel(), attempt, result.providerMessageId(), false, null));
                if (result.delivered()) {
                    outbox.publish(new NotificationDelivered(EventIds.newEventId(), now, Event.SCHEMA_VERSION,
                            n.pauseId(), n.developerId(), n.livemode(), n.channel(), result.providerMessageId()));
                }
            }
            case RETRY -> {
                Optional<Instant> next = schedule.next(attempt, clock.instant());
                if (next.isPresent()) {
                    store.markRetry(n.pauseId(), attempt, next.get(), result.error(), now);
                } else {
                    fail(n, attempt, result.error(), now);
                }
            }
            case FAIL -> fail(n, attempt, result.error(), now);
        }
    }

    private void fail(Notification n, int attempts, String error, Instant now) {
        store.markFailed(n.pauseId(), attempts, error, now);
        outbox.publish(new NotificationFailed(EventIds.newEventId(), now, Event.SCHEMA_VERSION, n.pauseId(),
                n.developerId(), n.livemode(), n.channel(), attempts, error));
    }
}
