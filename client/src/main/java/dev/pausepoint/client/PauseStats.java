package dev.pausepoint.client;

import java.time.LocalDate;
import java.util.List;

/** Pauses created per UTC day, oldest first, and how many of each day's are in each status now. */
public record PauseStats(LocalDate fromDate, LocalDate toDate, List<Day> days) {

    /** One day; {@code created} is the sum of the four statuses. */
    public record Day(LocalDate date, int created, int pending, int responded, int timedOut, int cancelled) {
    }
}
