package dev.pausepoint.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The API's timestamps have whole seconds (docs/api-reference.md, "Conventions"); the database keeps more. */
public final class WholeSeconds {

    private WholeSeconds() {
    }

    /** {@code timestamp} as the API shows it; null stays null. */
    public static Instant of(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().truncatedTo(ChronoUnit.SECONDS);
    }
}
