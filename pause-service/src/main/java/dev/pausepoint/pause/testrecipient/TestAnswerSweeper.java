package dev.pausepoint.pause.testrecipient;

import dev.pausepoint.pause.lifecycle.PauseProperties;
import dev.pausepoint.pause.lifecycle.PauseTransitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * As often as the timeout sweeper, records the test recipients' answers that are due, in batches until none
 * is left. Every instance runs it; the answers live in the database, so they survive a restart, and SKIP
 * LOCKED with the conditional update keeps two instances from recording one twice.
 */
@Component
public class TestAnswerSweeper {

    private static final Logger log = LoggerFactory.getLogger(TestAnswerSweeper.class);

    private final PauseTransitions transitions;
    private final int batchSize;

    public TestAnswerSweeper(PauseTransitions transitions, PauseProperties properties) {
        this.transitions = transitions;
        this.batchSize = properties.sweepBatchSize();
    }

    @Scheduled(fixedDelayString = "${pausepoint.pauses.sweep-interval}")
    public void sweep() {
        try {
            int due;
            do {
                due = transitions.answerForTestRecipients(batchSize);
            } while (due == batchSize);
        } catch (RuntimeException e) {
            log.warn("Test recipients' answers failed, the next sweep retries: {}", e.toString());
        }
    }
}
