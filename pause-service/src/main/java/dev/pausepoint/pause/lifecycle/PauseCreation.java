package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.outbox.Outbox;
import dev.pausepoint.kit.validation.TestRecipient;
import dev.pausepoint.pause.idempotency.IdempotencyKeys;
import dev.pausepoint.pause.quota.QuotaClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/pause}, as a pipeline: the idempotency key around the whole; then the request's field
 * rules, the plan's rules and the quota, in the documented order (docs/api-reference.md, "Pauses") so that a
 * refused request consumes nothing; then the pause, its key and its event stored in one transaction. The
 * pause, its outbox row and its audit entry are one statement; without a key, that statement is the whole
 * transaction. A test pause's test recipient ({@link TestRecipients}) may set the expiry, and may leave an
 * answer due, written in that same statement.
 */
@Service
public class PauseCreation {

    private final PauseRequestParser parser;
    private final PlanPolicy planPolicy;
    private final RespondLinks links;
    private final IdempotencyKeys idempotencyKeys;
    private final QuotaClient quota;
    private final PauseRepository pauses;
    private final TestAnswerRepository testAnswers;
    private final PauseScheduleRepository schedule;
    private final PauseEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PauseMetrics metrics;

    PauseCreation(PauseRequestParser parser, PlanPolicy planPolicy, RespondLinks links,
            IdempotencyKeys idempotencyKeys, QuotaClient quota, PauseRepository pauses,
            TestAnswerRepository testAnswers, PauseScheduleRepository schedule, PauseEvents events,
            TransactionTemplate transactions, Clock clock, PauseMetrics metrics) {
        this.parser = parser;
        this.planPolicy = planPolicy;
        this.links = links;
        this.idempotencyKeys = idempotencyKeys;
        this.quota = quota;
        this.pauses = pauses;
        this.testAnswers = testAnswers;
        this.schedule = schedule;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.metrics = metrics;
    }

    public CreatedPause create(CallerIdentity caller, JsonNode body, String idempotencyKey) {
        caller.requireAuthenticated();
        return idempotencyKeys.once(caller, idempotencyKey, body, CreatedPause.class, key -> {
            NewPause request = parser.parse(body, caller.livemode(), planPolicy.timeoutCapHours(caller.plan()));
            Duration timeout = planPolicy.admit(caller.plan(), request);
            Optional<TestRecipient> test = TestRecipients.of(caller.livemode(), request.channel(), request.recipient());
            Pause.WithEvent created = Pause.create(request, caller, TestRecipients.timeout(test, timeout), links,
                    clock);
            CreatedPause answer = CreatedPause.of(created);
            Runnable store = () -> events.publishWith(writes(created, test), created.event());
            CreatedPause stored = withQuotaSlot(created.pause(), () -> {
                if (idempotencyKey == null) {
                    // One statement writes the pause with its event and audit entry: it needs no transaction.
                    store.run();
                    return answer;
                }
                return transactions.execute(status -> {
                    // The key first: a concurrent request with it waits here until this one commits.
                    key.claim(created.pause().id(), answer);
                    store.run();
                    return answer;
                });
            });
            metrics.created(created.pause());
            return stored;
        });
    }

    /**
     * The pause's row; when it has follow-ups, theirs (one pause however many messages it sends); and the
     * answer its test recipient will give, if it gives one.
     */
    private List<Outbox.Write> writes(Pause.WithEvent created, Optional<TestRecipient> test) {
        Pause pause = created.pause();
        List<Outbox.Write> writes = new ArrayList<>(3);
        writes.add(pauses.insertion(pause));
        if (!created.schedule().isEmpty()) {
            writes.add(schedule.insertion(pause.id(), created.schedule()));
        }
        test.filter(TestRecipient.Choose.class::isInstance).map(TestRecipient.Choose.class::cast)
                .ifPresent(choose -> writes.add(testAnswers.insertion(pause.id(),
                        pause.options().get(choose.option() - 1), pause.createdAt().plus(choose.after()))));
        return writes;
    }

    /** Test pauses never count (docs/api-reference.md, "Test mode"); a live one takes its slot before it exists. */
    private CreatedPause withQuotaSlot(Pause pause, Supplier<CreatedPause> store) {
        return pause.livemode() ? quota.withSlot(pause.developerId(), pause.id(), store) : store.get();
    }
}
