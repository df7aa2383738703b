package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.identity.CallerIdentity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every transition out of pending: the developer's cancel, a human's response (through
 * response-service) and the timeout. Each is one conditional update plus its event in one transaction,
 * so when they race exactly one of them changes the pause and exactly one event is published.
 */
@Service
public class PauseTransitions {

    public static final int MAX_TEXT = 2000;
    private static final Logger log = LoggerFactory.getLogger(PauseTransitions.class);

    /** What the audit entry of an answer given by a test recipient adds (docs/testing.md). */
    static final Map<String, Object> BY_TEST_RECIPIENT = Map.of("test_recipient", true);

    private final PauseRepository pauses;
    private final TestAnswerRepository testAnswers;
    private final PauseEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PauseMetrics metrics;

    public PauseTransitions(PauseRepository pauses, TestAnswerRepository testAnswers, PauseEvents events,
            TransactionTemplate transactions, Clock clock, PauseMetrics metrics) {
        this.pauses = pauses;
        this.testAnswers = testAnswers;
        this.events = events;
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
        Pause answered = transition(pauseId, () -> pauses.respond(pauseId, choice, kept, precise),
                () -> pauses.find(pauseId), responded -> responded.respondedEvent(now, actorIp, userAgent));
        metrics.answered(answered);
        log.info("Pause {} responded", pauseId);
        return answered;
    }

    /** The developer's cancel of their own pending pause, in the world of their key. */
    public Pause cancel(CallerIdentity caller, String pauseId) {
        Instant precise = clock.instant();
        Instant now = EventIds.now(clock);
        Pause cancelled = transition(pauseId,
                () -> pauses.cancel(pauseId, caller.developerId(), caller.livemode(), precise),
                () -> pauses.find(pauseId, caller.developerId(), caller.livemode()),
                done -> done.cancelledEvent(now, caller.clientIp()));
        metrics.cancelled(cancelled);
        return cancelled;
    }

    /**
     * One conditional transition and its event in one transaction. When {@code change} finds the pause no
     * longer pending, the answer names its state as {@code current} reads it, a pending one past its
     * expiry (the sweeper has not written it yet) as timed out; a pause {@code current} cannot see is
     * not found.
     */
    private Pause transition(String pauseId, Supplier<Optional<Pause>> change, Supplier<Optional<Pause>> current,
            Function<Pause, Event> event) {
        return transactions.execute(status -> {
            Pause changed = change.get().orElseThrow(() -> {
                PauseStatus state = current.get().orElseThrow(() -> new PauseNotFoundException(pauseId)).status();
                return new PauseAlreadyFinishedException(pauseId,
                        state == PauseStatus.PENDING ? PauseStatus.TIMED_OUT : state);
            });
            events.publish(event.apply(changed));
            return changed;
        });
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
            for (Pause pause : expired) {
                events.publish(pause.timedOutEvent(now));
            }
            return expired;
        });
        if (moved == null) {
            return List.of();
        }
        moved.forEach(pause -> metrics.timedOut(pause, precise));
        return moved.stream().map(Pause::id).toList();
    }

    /**
     * Records one batch of the answers test recipients give by themselves, each through the same conditional
     * update as a human's answer; returns how many answers were due (those whose pause had ended meanwhile
     * are among them and change nothing). Safe to run on every instance: each due answer is taken once.
     */
    public int answerForTestRecipients(int batchSize) {
        Instant precise = clock.instant();
        Instant now = EventIds.now(clock);
        List<Pause> answered = new ArrayList<>();
        Integer due = transactions.execute(status -> {
            List<TestAnswerRepository.Due> taken = testAnswers.takeDue(precise, batchSize);
            for (TestAnswerRepository.Due answer : taken) {
                pauses.respond(answer.pauseId(), answer.choice(), null, precise).ifPresent(pause -> {
                    events.publish(pause.respondedEvent(now, null, null), BY_TEST_RECIPIENT);
                    answered.add(pause);
                });
            }
            return taken.size();
        });
        answered.forEach(metrics::answered);
        return due == null ? 0 : due;
    }
}
