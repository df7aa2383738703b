package dev.pausepoint.client;

import java.time.LocalDate;

/**
 * The filters of {@code GET /v1/audit}, all optional (null leaves one out). Dates are UTC calendar days,
 * both inclusive.
 */
public record AuditQuery(String pauseId, String eventType, LocalDate fromDate, LocalDate toDate, Integer limit,
        Integer offset) {

    public static Builder builder() {
        return new Builder();
    }

    QueryString toQueryString() {
        return new QueryString().add("pause_id", pauseId).add("event_type", eventType).add("from_date", fromDate)
                .add("to_date", toDate).add("limit", limit).add("offset", offset);
    }

    /** Builds an {@link AuditQuery}. */
    public static final class Builder {
        private String pauseId;
        private String eventType;
        private LocalDate fromDate;
        private LocalDate toDate;
        private Integer limit;
        private Integer offset;

        private Builder() {
        }

        public Builder pauseId(String pauseId) {
            this.pauseId = pauseId;
            return this;
        }

        /** Such as {@code pause.created}. */
        public Builder eventType(String eventType) {
            this.eventType = eventType;
            return this;
        }

        public Builder fromDate(LocalDate fromDate) {
            this.fromDate = fromDate;
            return this;
        }

        public Builder toDate(LocalDate toDate) {
            this.toDate = toDate;
            return this;
        }

        /** 1–100, default 20. */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public Builder offset(int offset) {
            this.offset = offset;
            return this;
        }

        public AuditQuery build() {
            return new AuditQuery(pauseId, eventType, fromDate, toDate, limit, offset);
        }
    }
}
