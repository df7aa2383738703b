package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.events.EventIds;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The due work of reminders and escalation steps. One batch is one transaction: the due rows are claimed
 * (SKIP LOCKED: each row goes to one instance), their pauses share-locked while still pending and unexpired,
 * and each row is either emitted, its {@code pause.reminded} or {@code pause.escalated} written to the outbox
 * and the audit log, or skipped because its pause ended. The share lock makes a respond, cancel or timeout
 * that races the batch wait for it or win before it, never both: no message is emitted for a pause whose
 * answer committed first.
 */
@Service
public class PauseFollowUps {

    private final PauseScheduleRepository schedule;
    private final PauseRepository pauses;
    private final PauseEvents events;
    private final RespondLinks links;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PauseFollowUps(PauseScheduleRepository schedule, PauseRepository pauses, PauseEvents events, RespondLinks links,
            TransactionTemplate transactions, Clock clock) {
        this.schedule = schedule;
        this.pauses = pauses;
        this.events = events;
        this.links = links;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One batch of at most {@code batchSize} due rows; returns how many this call handled (emitted or skipped). */
    public int emitDue(int batchSize) {
        Instant precise = clock.instant();
        Instant now = EventIds.now(clock);
        Integer handled = transactions.execute(status -> {
            List<PauseScheduleRepository.Due> due = schedule.claimDue(precise, batchSize);
            if (due.isEmpty()) {
                return 0;
            }
            Map<String, Pause> pending = pauses.lockPending(
                    due.stream().map(PauseScheduleRepository.Due::pauseId).collect(Collectors.toSet()), precise)
                    .stream().collect(Collectors.toMap(Pause::id, Function.identity()));
            List<PauseScheduleRepository.Due> emitted = new ArrayList<>();
            List<PauseScheduleRepository.Due> skipped = new ArrayList<>();
            for (PauseScheduleRepository.Due row : due) {
                Pause pause = pending.get(row.pauseId());
                if (pause == null) {
                    skipped.add(row);
                } else {
                    events.publish(pause.followUpEvent(row.notification(), now, links));
                    emitted.add(row);
                }
            }
            schedule.settle(emitted, skipped, now);
            return due.size();
        });
        return handled == null ? 0 : handled;
    }
}
