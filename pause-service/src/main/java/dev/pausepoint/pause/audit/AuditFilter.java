package dev.pausepoint.pause.audit;

import dev.pausepoint.errors.FieldIssue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which of a world's entries a read wants: one pause's, one type's, from and to inclusive UTC dates; each
 * null for no limit. The list and the export take the same parameters with the same rules
 * (docs/api-reference.md, "Audit log").
 */
record AuditFilter(String pauseId, String eventType, LocalDate from, LocalDate to) {

    private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** The filter the parameters ask for; each bad one adds its issue to {@code issues} (null is no filter). */
    static AuditFilter read(String pauseId, String eventType, String fromDate, String toDate, List<FieldIssue> issues) {
        if (eventType != null && !AuditLog.ACTORS.containsKey(eventType)) {
            issues.add(new FieldIssue("event_type", "must be one of " + String.join(", ",
                    AuditLog.ACTORS.keySet().stream().sorted().toList())));
        }
        LocalDate from = date("from_date", fromDate, issues);
        LocalDate to = date("to_date", toDate, issues);
        if (from != null && to != null && to.isBefore(from)) {
            issues.add(new FieldIssue("to_date", "must not be before from_date"));
        }
        return new AuditFilter(pauseId, eventType, from, to);
    }

    /**
     * A calendar date with a four-digit year. ISO also allows years such as {@code +999999999}, which no
     * timestamp column holds (and whose next day Java cannot count): those were a 500.
     */
    private static LocalDate date(String field, String value, List<FieldIssue> issues) {
        if (value == null) {
            return null;
        }
        try {
            if (FOUR_DIGIT_YEAR.matcher(value).matches()) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // Refused below, like any other text that is not such a date.
        }
        issues.add(new FieldIssue(field, "must be a date like 2026-11-25"));
        return null;
    }
}
