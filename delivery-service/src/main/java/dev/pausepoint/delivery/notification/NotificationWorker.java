package dev.pausepoint.delivery.notification;

import dev.pausepoint.delivery.channel.ChannelSender;
import dev.pausepoint.delivery.channel.SendResult;
import dev.pausepoint.delivery.schedule.DueWorkLoop;
import dev.pausepoint.delivery.schedule.InFlightCounts;
import dev.pausepoint.delivery.schedule.InFlightLimits;
import dev.pausepoint.delivery.schedule.Lease;
import dev.pausepoint.delivery.schedule.LeaseHolder;
import dev.pausepoint.delivery.schedule.RetrySchedule;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.events.delivery.NotificationDelivered;
import dev.pausepoint.events.delivery.NotificationFailed;
import dev.pausepoint.events.delivery.NotificationSent;
import dev.pausepoint.kit.outbox.Outbox;
import dev.pausepoint.kit.tracing.Spans;
import io.micrometer.tracing.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due notifications: claims them (a lease, so two instances never send one twice at once),
 * sends each on a bounded pool (the SDKs block), and records the outcome with its event in one transaction. A retryable
 * failure is scheduled again from the persisted schedule; a final one fails the notification.
 *
 * <p>It claims no more than the pool has threads, so a claimed send starts at once instead of queueing
 * behind others, and at most {@link InFlightLimits#perDeveloper()} of them for one developer, taken in
 * turns across developers (see {@link NotificationRepository#claimDue}): one developer's burst of messages
 * waits on its own share while everyone else's go out.
 *
 * <p>Each attempt is a span ({@code notification send}) of the trace that created the pause, continued
 * from the row; the events it publishes carry that trace on.
 */
public class NotificationWorker extends DueWorkLoop<Notification> {

    private static final Logger log = LoggerFactory.getLogger(NotificationWorker.class);
    private static final Duration LEASE_LENGTH = Duration.ofMinutes(2);

    private final NotificationRepository notifications;
    private final Map<String, ChannelSender> senders;
    private final RetrySchedule schedule;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Lease lease;
    private final ExecutorService pool;
    private final int perDeveloper;
    private final InFlightCounts byDeveloper = new InFlightCounts();
    private final Spans spans;
    private final NotificationMetrics metrics;

    /** {@code pool} runs the blocking SDK calls, with a thread for each of {@code limits.total()}. */
    public NotificationWorker(NotificationRepository notifications, List<ChannelSender> senders, RetrySchedule schedule,
            Outbox outbox, TransactionTemplate transactions, Clock clock, Duration interval, ExecutorService pool,
            InFlightLimits limits, LeaseHolder holder, Spans spans, NotificationMetrics metrics) {
        super("notification-worker", interval, 32, limits.total());
        this.perDeveloper = limits.perDeveloper();
        this.notifications = notifications;
        this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
        this.schedule = schedule;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.lease = new Lease(holder.id(), LEASE_LENGTH);
        this.pool = pool;
        this.spans = spans;
        this.metrics = metrics;
    }

    @Override
    protected List<Notification> claim(int limit) {
        Map<String, Integer> developers = byDeveloper.snapshot();
        return transactions.execute(status -> notifications.claimDue(clock.instant(), lease, limit, perDeveloper,
                developers));
    }

    @Override
    protected String key(Notification notification) {
        return notification.key();
    }

    @Override
    protected int releaseStranded(Set<String> inFlight) {
        return transactions.execute(status -> notifications.releaseStranded(lease.holder(), inFlight, clock.instant()));
    }

    @Override
    protected void start(Notification notification, Runnable finished) {
        byDeveloper.add(notification.developerId());
        try {
            pool.execute(() -> {
                try {
                    spans.run("notification send", Span.Kind.CLIENT, notification.trace(),
                            Map.of("pause.id", notification.pauseId(), "channel", notification.channel(),
                                    "attempt", String.valueOf(notification.attempts() + 1)),
                            span -> send(notification, span));
                } finally {
                    byDeveloper.remove(notification.developerId());
                    finished.run();
                    // Its developer may have due notifications that the claim held back at the cap.
                    wake();
                }
            });
        } catch (RuntimeException e) {
            byDeveloper.remove(notification.developerId());
            throw e;
        }
    }

    private void send(Notification notification, Span span) {
        int attempt = notification.attempts() + 1;
        long started = System.nanoTime();
        SendResult result = senders.get(notification.channel()).send(notification.outgoing());
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        span.tag("outcome", result.outcome().name().toLowerCase());
        if (result.statusCode() != null) {
            span.tag("http.response.status_code", String.valueOf(result.statusCode()));
        }
        // The recipient and the error text (which may quote it) stay out of the log.
        log.info("Notification {} of pause {} by {}, attempt {}: {}{}", notification.notification(),
                notification.pauseId(), notification.channel(), attempt, result.outcome().name().toLowerCase(),
                result.statusCode() == null ? "" : " (HTTP " + result.statusCode() + ")");
        Instant now = EventIds.now(clock);
        try {
            String outcome = transactions.execute(status -> record(notification, attempt, result, millis, now));
            metrics.attempted(notification.channel(), outcome, millis);
        } catch (RuntimeException e) {
            log.warn("Could not record attempt {} of {}; the lease will bring it back: {}", attempt,
                    notification.pauseId(), e.toString());
        }
    }

    /** Its outcome, as {@link NotificationMetrics} names it. */
    private String record(Notification n, int attempt, SendResult result, long millis, Instant now) {
        notifications.recordAttempt(n, attempt, result.statusCode(), result.error(), millis, now);
        return switch (result.outcome()) {
            case ACCEPTED -> {
                notifications.markSent(n, attempt, result.providerMessageId(), result.delivered(), now);
                outbox.publish(NotificationSent.accepted(EventIds.newEventId(), now, n.pauseId(), n.developerId(),
                        n.livemode(), n.channel(), attempt, result.providerMessageId(), n.notification()));
                if (result.delivered()) {
                    outbox.publish(new NotificationDelivered(EventIds.newEventId(), now, Event.SCHEMA_VERSION,
                            n.pauseId(), n.developerId(), n.livemode(), n.channel(), result.providerMessageId(),
                            n.notification()));
                }
                yield NotificationMetrics.SENT;
            }
            case RETRY -> {
                Optional<Instant> next = schedule.next(attempt, clock.instant());
                if (next.isPresent()) {
                    notifications.markRetry(n, attempt, next.get(), result.error(), now);
                    yield NotificationMetrics.RETRYING;
                }
                yield fail(n, attempt, result.error(), now);
            }
            case FAIL -> fail(n, attempt, result.error(), now);
        };
    }

    private String fail(Notification n, int attempts, String error, Instant now) {
        notifications.markFailed(n, attempts, error, now);
        outbox.publish(new NotificationFailed(EventIds.newEventId(), now, Event.SCHEMA_VERSION, n.pauseId(),
                n.developerId(), n.livemode(), n.channel(), attempts, error, n.notification()));
        return NotificationMetrics.FAILED;
    }
}
