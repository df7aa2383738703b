package dev.pausepoint.billing.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A quota period: the calendar month in UTC, from its first instant to the first instant of the next. */
public record UsagePeriod(LocalDate start, Instant startsAt, Instant endsAt) {

    public static UsagePeriod containing(Instant instant) {
        LocalDate first = instant.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        return new UsagePeriod(first, first.atStartOfDay().toInstant(ZoneOffset.UTC),
                first.plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
