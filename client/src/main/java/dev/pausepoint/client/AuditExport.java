package dev.pausepoint.client;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@code GET /v1/audit/export} streams: every entry from {@code fromDate} to {@code toDate} (both
 * required, inclusive), optionally only of one pause or event type.
 */
public record AuditExport(LocalDate fromDate, LocalDate toDate, Format format, String pauseId, String eventType) {

    /** {@code ndjson}: one JSON entry a line; {@code csv}: RFC 4180 with a header row. */
    public enum Format {
        NDJSON, CSV
    }

    public AuditExport {
        Objects.requireNonNull(fromDate, "fromDate");
        Objects.requireNonNull(toDate, "toDate");
        Objects.requireNonNull(format, "format");
    }

    /** Every entry of the dates, as NDJSON. */
    public static AuditExport ndjson(LocalDate fromDate, LocalDate toDate) {
        return new AuditExport(fromDate, toDate, Format.NDJSON, null, null);
    }

    /** Every entry of the dates, as CSV. */
    public static AuditExport csv(LocalDate fromDate, LocalDate toDate) {
        return new AuditExport(fromDate, toDate, Format.CSV, null, null);
    }

    public AuditExport withPauseId(String pauseId) {
        return new AuditExport(fromDate, toDate, format, pauseId, eventType);
    }

    public AuditExport withEventType(String eventType) {
        return new AuditExport(fromDate, toDate, format, pauseId, eventType);
    }

    QueryString toQueryString() {
        return new QueryString().add("from_date", fromDate).add("to_date", toDate)
                .add("format", format.name().toLowerCase(java.util.Locale.ROOT)).add("pause_id", pauseId)
                .add("event_type", eventType);
    }
}
