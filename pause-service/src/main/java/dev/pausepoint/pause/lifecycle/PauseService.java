package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The developer's reads of their pauses and the cancel; create is {@link PauseCreation}. The cancel and
 * its event commit together through the outbox.
 */
@Service
public class PauseService {

    private final PauseRepository pauses;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PauseMetrics metrics;

    public PauseService(PauseRepository pauses, Outbox outbox, TransactionTemplate transactions, Clock clock,
            PauseMetrics metrics) {
        this.pauses = pauses;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Any developer's pause, for internal callers that hold a verified token for it. */
    public Optional<Pause> find(String pauseId) {
        return pauses.find(pauseId);
    }

    public PauseView get(CallerIdentity caller, String pauseId) {
        caller.requireAuthenticated();
        return pauses.find(pauseId, caller.developerId(), caller.livemode()).map(PauseView::of)
                .orElseThrow(() -> new PauseNotFoundException(pauseId));
    }

    public PausePage list(CallerIdentity caller, String status, int limit, int offset) {
        caller.requireAuthenticated();
        PauseStatus filter = null;
        if (status != null) {
            filter = PauseStatus.fromWire(status).orElseThrow(() -> new ValidationException(
                    "status", "must be one of pending, responded, timed_out, cancelled"));
        }
        if (limit < 1 || limit > 100) {
            throw new ValidationException("limit", "must be between 1 and 100");
        }
        if (offset < 0) {
            throw new ValidationException("offset", "must be at least 0");
        }
        List<Pause> rows = pauses.list(caller.developerId(), caller.livemode(), filter, limit + 1, offset);
        boolean more = rows.size() > limit;
        return new PausePage(rows.stream().limit(limit).map(PauseView::of).toList(), limit, offset, more);
    }

    public PauseView cancel(CallerIdentity caller, String pauseId) {
        caller.requireAuthenticated();
        Instant precise = clock.instant();
        Instant now = EventIds.now(clock);
        Pause done = transactions.execute(status -> {
            Pause cancelled = pauses.cancel(pauseId, caller.developerId(), caller.livemode(), precise).orElseThrow(() -> {
                Pause current = pauses.find(pauseId, caller.developerId(), caller.livemode())
                        .orElseThrow(() -> new PauseNotFoundException(pauseId));
                // Pending past its expiry: it has timed out, the sweeper just has not written it yet.
                return new PauseAlreadyFinishedException(pauseId,
                        current.status() == PauseStatus.PENDING ? PauseStatus.TIMED_OUT : current.status());
            });
            pauses.notifyChanged(List.of(cancelled.id()));
            outbox.publish(cancelled.cancelledEvent(now, caller.clientIp()));
            return cancelled;
        });
        metrics.cancelled(done);
        return PauseView.of(done);
    }
}
