package dev.pausepoint.pause.audit;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.errors.RequestIds;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.openapi.Access;
import dev.pausepoint.kit.openapi.ApiOperation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/audit}: the caller's world, newest first, filtered by pause, type and inclusive dates;
 * {@code GET /v1/audit/export}: all of it for a range of dates, as one streamed file.
 */
@RestController
public class AuditController {

    /** The export's own buffer: fewer, larger chunks than the connection's small response buffer makes. */
    private static final int EXPORT_BUFFER = 32 * 1024;

    public record AuditPage(List<AuditEntry> items, int limit, int offset, boolean hasMore) {
    }

    private final AuditRepository entries;
    private final AuditExportService exports;

    public AuditController(AuditRepository entries, AuditExportService exports) {
        this.entries = entries;
        this.exports = exports;
    }

    @GetMapping("/v1/audit")
    @ApiOperation(id = "listAuditEntries", tag = "Audit log", summary = "List audit entries, newest first",
            access = Access.API_KEY, errors = ErrorCode.VALIDATION_ERROR)
    public AuditPage list(@RequestParam(name = "pause_id", required = false) String pauseId,
            @RequestParam(name = "event_type", required = false) String eventType,
            @RequestParam(name = "from_date", required = false) String fromDate,
            @RequestParam(name = "to_date", required = false) String toDate,
            @RequestParam(defaultValue = "20") int limit, @RequestParam(defaultValue = "0") int offset,
            CallerIdentity caller) {
        caller.requireAuthenticated();
        List<FieldIssue> issues = new ArrayList<>();
        AuditFilter filter = AuditFilter.read(pauseId, eventType, fromDate, toDate, issues);
        if (limit < 1 || limit > 100) {
            issues.add(new FieldIssue("limit", "must be between 1 and 100"));
        }
        if (offset < 0) {
            issues.add(new FieldIssue("offset", "must be at least 0"));
        }
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
        List<AuditEntry> rows = entries.find(caller.developerId(), caller.livemode(), filter, limit + 1, offset);
        return new AuditPage(rows.stream().limit(limit).toList(), limit, offset, rows.size() > limit);
    }

    /**
     * Written here rather than returned: every refusal (422, 429, 503) is the envelope before the first
     * byte, and the entries go to the client as they are read from the database (docs/api-decisions.md,
     * "Pauses", Audit export).
     */
    @GetMapping("/v1/audit/export")
    @ApiOperation(id = "exportAuditEntries", tag = "Audit log", summary = "Export audit entries as one file",
            access = Access.API_KEY, response = AuditEntry.class, responseMediaTypes = {"application/x-ndjson", "text/csv"},
            responseHeaders = "Content-Disposition",
            errors = {ErrorCode.VALIDATION_ERROR, ErrorCode.RATE_LIMITED, ErrorCode.SERVICE_UNAVAILABLE},
            description = "format=ndjson (the default): one audit entry a line. format=csv: text/csv;charset=utf-8,"
                    + " RFC 4180, with a header row. Content-Disposition names the file.")
    public void export(@RequestParam(name = "pause_id", required = false) String pauseId,
            @RequestParam(name = "event_type", required = false) String eventType,
            @RequestParam(name = "from_date", required = false) String fromDate,
            @RequestParam(name = "to_date", required = false) String toDate,
            @RequestParam(required = false) String format, CallerIdentity caller, HttpServletResponse response)
            throws IOException {
        caller.requireAuthenticated();
        List<FieldIssue> issues = new ArrayList<>();
        AuditFilter filter = AuditFilter.read(pauseId, eventType, fromDate, toDate, issues);
        // Required here, unlike in the list: the file is named after its range.
        if (fromDate == null) {
            issues.add(new FieldIssue("from_date", "is required"));
        }
        if (toDate == null) {
            issues.add(new FieldIssue("to_date", "is required"));
        }
        AuditExportFormat as = AuditExportFormat.read(format, issues);
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
        try (AuditExportSlots.Slot slot = exports.claim(caller)) {
            response.setContentType(as.contentType);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pausepoint-audit-"
                    + (caller.livemode() ? "live" : "test") + "-" + filter.from() + "-" + filter.to() + "." + as.wire
                    + "\"");
            OutputStream out = new BufferedOutputStream(response.getOutputStream(), EXPORT_BUFFER);
            exports.write(caller, filter, as, out);
            out.flush();
        } catch (AuditExportInterruptedException interrupted) {
            throw interrupted;
        } catch (IOException | RuntimeException failure) {
            if (response.isCommitted()) {
                throw new AuditExportInterruptedException(failure);
            }
            // Nothing was sent: the failure is answered with the envelope, without the file's headers.
            String requestId = response.getHeader(RequestIds.HEADER);
            response.reset();
            response.setHeader(RequestIds.HEADER, requestId);
            throw failure;
        }
    }

    /**
     * Rethrown past the advice that renders every other failure: it would append an envelope to the file
     * and end the body as if it were complete. The container closes the connection instead.
     */
    @ExceptionHandler(AuditExportInterruptedException.class)
    public void interrupted(AuditExportInterruptedException failure) {
        throw failure;
    }
}
