package dev.pausepoint.dashboard.audit;

import dev.pausepoint.dashboard.account.AccountApi;
import dev.pausepoint.dashboard.api.ApiFailure;
import dev.pausepoint.dashboard.audit.AuditApi.Entries;
import dev.pausepoint.dashboard.audit.AuditApi.Entry;
import dev.pausepoint.dashboard.audit.AuditApi.Filter;
import dev.pausepoint.dashboard.web.Frame;
import dev.pausepoint.dashboard.web.Pages;
import dev.pausepoint.dashboard.web.Paging;
import dev.pausepoint.dashboard.web.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The audit log of a world, filtered by type and dates and paged, and its export: the dashboard passes
 * the API's stream to the browser as it arrives, so an export of any size never sits in its memory.
 */
@RestController
public class AuditController {

    /** The event types the filter offers (docs/api-reference.md, "Audit log"). */
    public static final List<String> EVENT_TYPES = List.of("developer.registered", "api_key.rotated", "pause.created",
            "pause.responded", "pause.timed_out", "pause.cancelled", "webhook.created", "webhook.deleted");
    private static final Set<String> FORMATS = Set.of("csv", "ndjson");
    private static final int PAGE_SIZE = 50;

    public record AuditPage(Frame frame, List<Entry> entries, Filter filter, Paging paging, boolean hasMore,
            String error) {

        public List<String> eventTypes() {
            return EVENT_TYPES;
        }

        /** This list's filters as a query string, for the page links and the export links. */
        public String query() {
            StringBuilder query = new StringBuilder();
            append(query, "event_type", filter.eventType());
            append(query, "from_date", filter.fromDate());
            append(query, "to_date", filter.toDate());
            return query.toString();
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null && !value.isEmpty()) {
                query.append('&').append(name).append('=').append(UriUtils.encodeQueryParam(value,
                        StandardCharsets.UTF_8));
            }
        }
    }

    private final AuditApi audit;
    private final AccountApi accounts;
    private final Pages pages;
    private final Clock clock;

    public AuditController(AuditApi audit, AccountApi accounts, Pages pages, Clock clock) {
        this.audit = audit;
        this.accounts = accounts;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/dashboard/{world}/audit")
    ResponseEntity<String> list(SignedIn page, @RequestParam(name = "event_type", defaultValue = "") String eventType,
            @RequestParam(name = "from_date", defaultValue = "") String fromDate,
            @RequestParam(name = "to_date", defaultValue = "") String toDate,
            @RequestParam(name = "page", required = false) String number) {
        Filter filter = Filter.of(EVENT_TYPES.contains(eventType) ? eventType : "", fromDate, toDate);
        Paging paging = Paging.of(number, PAGE_SIZE);
        Frame frame = page.frame("Audit log", "audit");
        try {
            Entries entries = audit.list(page.caller(), filter, paging.size(), paging.offset());
            return pages.ok("dashboard/audit.jte", new AuditPage(frame, entries.items(), filter, paging,
                    entries.hasMore(), null));
        } catch (ApiFailure failure) {
            if (failure.status() != 422) {
                throw failure;
            }
            return pages.render(422, "dashboard/audit.jte", new AuditPage(frame, List.of(), filter, paging, false,
                    failure.explained()));
        }
    }

    /**
     * An export that broke off after its first bytes (the API cut it, or the browser went away) must not end
     * like a complete file: rendering the error page would append it to the download. Rethrown past the
     * dashboard's error pages, the container closes the connection instead, and the download shows as failed.
     */
    static class ExportInterrupted extends RuntimeException {
        ExportInterrupted(IOException cause) {
            super("the audit export broke off after its first bytes", cause);
        }
    }

    @ExceptionHandler(ExportInterrupted.class)
    void interrupted(ExportInterrupted failure) {
        throw failure;
    }

    @GetMapping("/dashboard/{world}/audit/export")
    void export(SignedIn page, HttpServletResponse response, @RequestParam(defaultValue = "csv") String format,
            @RequestParam(name = "event_type", defaultValue = "") String eventType,
            @RequestParam(name = "from_date", defaultValue = "") String fromDate,
            @RequestParam(name = "to_date", defaultValue = "") String toDate) throws IOException {
        // The API's export names its dates; without them here it is the whole log: from the account's first day
        // to today (UTC).
        String from = fromDate.isEmpty() ? LocalDate.ofInstant(accounts.me(page.caller()).createdAt(), ZoneOffset.UTC)
                .toString() : fromDate;
        String to = toDate.isEmpty() ? LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString() : toDate;
        Filter filter = Filter.of(EVENT_TYPES.contains(eventType) ? eventType : "", from, to);
        String as = FORMATS.contains(format) ? format : "csv";
        HttpResponse<InputStream> export = audit.export(page.caller(), filter, as);
        try (InputStream body = export.body()) {
            response.setStatus(200);
            // The type is the format asked for, not whatever came back; the file never runs as a page.
            response.setContentType(as.equals("csv") ? "text/csv;charset=utf-8" : "application/x-ndjson");
            export.headers().firstValue("Content-Disposition")
                    .filter(value -> value.matches("attachment; filename=\"[A-Za-z0-9._-]+\""))
                    .ifPresent(value -> response.setHeader("Content-Disposition", value));
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "sandbox");
            body.transferTo(response.getOutputStream());
        } catch (IOException failure) {
            if (response.isCommitted()) {
                throw new ExportInterrupted(failure);
            }
            throw failure;
        }
    }
}
