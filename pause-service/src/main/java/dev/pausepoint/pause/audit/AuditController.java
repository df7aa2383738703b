package dev.pausepoint.pause.audit;

import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.identity.CallerIdentity;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/audit}: the caller's world, newest first, filtered by pause, type and inclusive dates. */
@RestController
public class AuditController {

    public record AuditPage(List<AuditEntry> items, int limit, int offset, boolean hasMore) {
    }

    private final AuditRepository entries;

    public AuditController(AuditRepository entries) {
        this.entries = entries;
    }

    @GetMapping("/v1/audit")
    public AuditPage list(@RequestParam(name = "pause_id", required = false) String pauseId,
            @RequestParam(name = "event_type", required = false) String eventType,
            @RequestParam(name = "from_date", required = false) String fromDate,
            @RequestParam(name = "to_date", required = false) String toDate,
            @RequestParam(defaultValue = "20") int limit, @RequestParam(defaultValue = "0") int offset,
            CallerIdentity caller) {
        caller.requireAuthenticated();
        List<FieldIssue> issues = new ArrayList<>();
        if (eventType != null && !AuditLog.ACTORS.containsKey(eventType)) {
            issues.add(new FieldIssue("event_type", "must be one of " + String.join(", ",
                    AuditLog.ACTORS.keySet().stream().sorted().toList())));
        }
        LocalDate from = date("from_date", fromDate, issues);
        LocalDate to = date("to_date", toDate, issues);
        if (from != null && to != null && to.isBefore(from)) {
            issues.add(new FieldIssue("to_date", "must not be before from_date"));
        }
        if (limit < 1 || limit > 100) {
            issues.add(new FieldIssue("limit", "must be between 1 and 100"));
        }
        if (offset < 0) {
            issues.add(new FieldIssue("offset", "must be at least 0"));
        }
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
        List<AuditEntry> rows = entries.find(caller.developerId(), caller.livemode(), pauseId, eventType, from, to,
                limit + 1, offset);
        return new AuditPage(rows.stream().limit(limit).toList(), limit, offset, rows.size() > limit);
    }

    private static LocalDate date(String field, String value, List<FieldIssue> issues) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            issues.add(new FieldIssue(field, "must be a date like 2026-11-25"));
            return null;
        }
    }
}
