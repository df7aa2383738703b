package dev.pausepoint.pause.idempotency;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Hourly, drops keys past their 24 hours, so the table holds about one day of keyed creates. */
@Component
public class IdempotencyKeyPurge {

    private final IdempotencyKeyRepository keys;
    private final Clock clock;

    public IdempotencyKeyPurge(IdempotencyKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public int purge() {
        return keys.deleteExpired(clock.instant());
    }
}
