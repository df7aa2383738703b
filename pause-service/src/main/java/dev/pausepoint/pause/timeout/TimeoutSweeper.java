package dev.pausepoint.pause.timeout;

import dev.pausepoint.pause.lifecycle.PauseProperties;
import dev.pausepoint.pause.lifecycle.PauseTransitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every second or two, moves pending pauses past their expiry to timed_out (with the default choice),
 * found through the partial index on pending expiries, in batches until none is left. Every instance
 * runs it; SKIP LOCKED and the conditional update keep them from doing any pause twice.
 */
@Component
public class TimeoutSweeper {

    private static final Logger log = LoggerFactory.getLogger(TimeoutSweeper.class);

    private final PauseTransitions transitions;
    private final int batchSize;

    public TimeoutSweeper(PauseTransitions transitions, PauseProperties properties) {
        this.transitions = transitions;
        this.batchSize = properties.sweepBatchSize();
    }

    @Scheduled(fixedDelayString = "${pausepoint.pauses.sweep-interval}")
    public void sweep() {
        try {
            int moved;
            do {
                moved = transitions.timeOutExpired(batchSize).size();
            } while (moved == batchSize);
        } catch (RuntimeException e) {
            log.warn("Timeout sweep failed, next one retries: {}", e.toString());
        }
    }
}
