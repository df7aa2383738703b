package dev.pausepoint.pause.followup;

import dev.pausepoint.pause.lifecycle.PauseFollowUps;
import dev.pausepoint.pause.lifecycle.PauseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On the timeout sweeper's beat, emits the reminders and escalation steps that are due, in batches until none
 * is left. Every instance runs it; SKIP LOCKED and the row's one-way state keep any row from being emitted
 * twice, and a restart loses nothing: the rows wait in the database.
 */
@Component
public class FollowUpSweeper {

    private static final Logger log = LoggerFactory.getLogger(FollowUpSweeper.class);

    private final PauseFollowUps followUps;
    private final int batchSize;

    public FollowUpSweeper(PauseFollowUps followUps, PauseProperties properties) {
        this.followUps = followUps;
        this.batchSize = properties.sweepBatchSize();
    }

    @Scheduled(fixedDelayString = "${pausepoint.pauses.sweep-interval}")
    public void sweep() {
        try {
            int handled;
            do {
                handled = followUps.emitDue(batchSize);
            } while (handled == batchSize);
        } catch (RuntimeException e) {
            log.warn("Follow-up sweep failed, next one retries: {}", e.toString());
        }
    }
}
