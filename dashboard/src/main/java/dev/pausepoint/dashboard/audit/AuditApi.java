package dev.pausepoint.dashboard.audit;

import dev.pausepoint.dashboard.api.ApiClient;
import dev.pausepoint.dashboard.api.ApiClient.Path;
import dev.pausepoint.dashboard.api.Caller;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The audit log's calls: a filtered page of entries, and the export as it streams. */
@Component
public class AuditApi {

    public record Entry(String id, String developerId, String pauseRequestId, String eventType, String actor,
            JsonNode detail, String ip, Instant createdAt) {

        /** A detail field as text, or null. */
        public String detail(String field) {
            JsonNode value = detail == null ? null : detail.get(field);
            return value == null || value.isNull() ? null : value.isString() ? value.asString() : value.toString();
        }
    }

    public record Entries(List<Entry> items, int limit, int offset, boolean hasMore) {
    }

    /** The list's filters; each may be empty. */
    public record Filter(String eventType, String fromDate, String toDate, String pauseId) {

        /** The entries of one type (empty: any) between two dates (each empty: open). */
        public static Filter of(String eventType, String fromDate, String toDate) {
            return new Filter(eventType, fromDate, toDate, "");
        }

        /** Every entry about one pause. */
        public static Filter ofPause(String pauseId) {
            return new Filter("", "", "", pauseId);
        }

        Path applyTo(Path path) {
            return path.query("event_type", eventType).query("from_date", fromDate).query("to_date", toDate)
                    .query("pause_id", pauseId);
        }
    }

    private final ApiClient api;

    public AuditApi(ApiClient api) {
        this.api = api;
    }

    public Entries list(Caller caller, Filter filter, int limit, int offset) {
        return api.read(api.get(caller, filter.applyTo(Path.of("/v1/audit")).query("limit", limit)
                .query("offset", offset)), Entries.class);
    }

    public HttpResponse<InputStream> export(Caller caller, Filter filter, String format) {
        return api.stream(caller, filter.applyTo(Path.of("/v1/audit/export")).query("format", format));
    }
}
