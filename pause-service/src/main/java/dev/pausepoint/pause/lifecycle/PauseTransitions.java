package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.kit.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transitions other parts of the system cause: a human's response (through response-service) and
 * the timeout. Like cancel, each is one conditional update plus its event in one transaction, so when
 * they race exactly one of them changes the pause and exactly one event is published.
 */
@Service
public class PauseTransitions {

    public static final int MAX_TEXT = 2000;
    private static final Logger log = LoggerFactory.getLogger(PauseTransitions.class);

    private final PauseRepository pauses;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PauseMetrics metrics;

    public PauseTransitions(PauseRepository pauses, Outbox outbox, TransactionTemplate transactions, Clock clock,
            PauseMetrics metrics) {
        this.pauses = pauses;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Records the human's choice if the pause is still pending and unexpired. {@code text} is kept only
     * when the pause allows it. A pause past its expiry that the sweeper has not reached yet answers as
     * timed out.
     */
    public Pause respond(String pauseId, String choice, String text, String actorIp, String userAgent) {
        Pause pause = pauses.find(pauseId).orElseThrow(() -> new PauseNotFoundException(pauseId));
        if (choice == null || !pause.options().contains(choice)) {
            throw new ApiException(ErrorCode.INVALID_CHOICE, "choice must be one of: " + String.join(", ", pause.options()) + ".");
        }
        if (text != null && text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw new ValidationException("text", "must be at most " + MAX_TEXT + " characters");
        }
        String kept = pause.allowTextResponse() && text != null && !text.isBlank() ? text : null;
        Instant precise = clock.instant();
        Instant now = EventIds.now(clock);
        Pause answered = transactions.execute(status -> {
            Pause responded = pauses.respond(pauseId, choice, kept, precise).orElseThrow(() -> {
                Pause current = pauses.find(pauseId).orElseThrow(() -> new PauseNotFoundException(pauseId));
                PauseStatus effective = current.status() == PauseStatus.PENDING ? PauseStatus.TIMED_OUT : current.status();
                return new PauseAlreadyFinishedException(pauseId, effective);
            });
            pauses.notifyChanged(List.of(responded.id()));
            outbox.publish(responded.respondedEvent(now, actorIp, userAgent));
            return responded;
        });
        metrics.answered(answered);
        log.info("Pause {} responded", pauseId);
        return answered;
    }

    /**
     * Times out one batch of expired pauses; returns the ids of those this call moved (another sweeper's
     * are not among them). Safe to run on every instance.
     */
    public List<String> timeOutExpired(int batchSize) {
        Instant precise = clock.instant();
        Instant now = EventIds.now(clock);
        List<Pause> moved = transactions.execute(status -> {
            List<Pause> expired = pauses.timeOutExpired(precise, batchSize);
            pauses.notifyChanged(expired.stream().map(Pause::id).toList());
            for (Pause pause : expired) {
                outbox.publish(pause.timedOutEvent(now));
            }
            return expired;
        });
        if (moved == null) {
            return List.of();
        }
        moved.forEach(pause -> metrics.timedOut(pause, precise));
        return moved.stream().map(Pause::id).toList();
    }
}
