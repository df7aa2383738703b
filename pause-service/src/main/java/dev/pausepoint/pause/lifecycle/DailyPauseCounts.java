package dev.pausepoint.pause.lifecycle;

import java.time.LocalDate;

/**
 * The pauses one world created on one UTC day, and how many of those are now in each status
 * (docs/api-reference.md, "Statistics").
 */
public record DailyPauseCounts(LocalDate date, int created, int pending, int responded, int timedOut,
        int cancelled) {

    /** A day on which nothing was created. */
    public static DailyPauseCounts none(LocalDate date) {
        return new DailyPauseCounts(date, 0, 0, 0, 0, 0);
    }
}
