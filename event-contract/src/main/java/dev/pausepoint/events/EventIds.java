package dev.pausepoint.events;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Ids and timestamps in the form every event uses. */
public final class EventIds {

    private EventIds() {
    }

    public static String newEventId() {
        return "evt_" + UUID.randomUUID();
    }

    /** The API's timestamps are UTC with whole seconds (docs/api-reference.md, "Conventions"). */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
