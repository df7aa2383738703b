package dev.pausepoint.client;

import java.time.LocalDate;

/**
 * The filters of {@code GET /v1/audit}, all optional (null leaves one out and the server's default
 * applies: limit 20, offset 0). Dates are UTC calendar days, both inclusive. Start from {@link #all()}:
 * {@code AuditQuery.all().withEventType("pause.created").between(from, to).withLimit(100)}.
 */
public record AuditQuery(String pauseId, String eventType, LocalDate fromDate, LocalDate toDate, Integer limit,
        Integer offset) {

    /** Every entry of the caller's world, first page. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    public AuditQuery withPauseId(String pauseId) {
        return new AuditQuery(pauseId, eventType, fromDate, toDate, limit, offset);
    }

    /** Such as {@code pause.created}. */
    public AuditQuery withEventType(String eventType) {
        return new AuditQuery(pauseId, eventType, fromDate, toDate, limit, offset);
    }

    /** Entries from {@code fromDate} to {@code toDate}, both inclusive; either may be null. */
    public AuditQuery between(LocalDate fromDate, LocalDate toDate) {
        return new AuditQuery(pauseId, eventType, fromDate, toDate, limit, offset);
    }

    /** 1–100. */
    public AuditQuery withLimit(int limit) {
        return new AuditQuery(pauseId, eventType, fromDate, toDate, limit, offset);
    }

    public AuditQuery withOffset(int offset) {
        return new AuditQuery(pauseId, eventType, fromDate, toDate, limit, offset);
    }

    QueryString toQueryString() {
        return new QueryString().add("pause_id", pauseId).add("event_type", eventType).add("from_date", fromDate)
                .add("to_date", toDate).add("limit", limit).add("offset", offset);
    }
}
