package dev.pausepoint.pause.audit;

import dev.pausepoint.errors.FieldIssue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forms of {@code GET /v1/audit/export}: one JSON object a line, each exactly a list item, or CSV
 * ({@link AuditCsv}). Both are written entry by entry, as they are read.
 */
enum AuditExportFormat {

    NDJSON("ndjson", "application/x-ndjson") {
        @Override
        void write(AuditEntry entry, OutputStream out, JsonMapper json) throws IOException {
            out.write(json.writeValueAsBytes(entry));
            out.write('\n');
        }
    },
    CSV("csv", "text/csv;charset=utf-8") {
        @Override
        void begin(OutputStream out) throws IOException {
            out.write(AuditCsv.HEADER.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        void write(AuditEntry entry, OutputStream out, JsonMapper json) throws IOException {
            out.write(AuditCsv.record(entry, json.writeValueAsString(entry.detail())).getBytes(StandardCharsets.UTF_8));
        }
    };

    /** Its name in {@code format}, which is also the file's extension. */
    final String wire;
    final String contentType;

    AuditExportFormat(String wire, String contentType) {
        this.wire = wire;
        this.contentType = contentType;
    }

    /** What comes before the first entry. */
    void begin(OutputStream out) throws IOException {
    }

    abstract void write(AuditEntry entry, OutputStream out, JsonMapper json) throws IOException;

    /** The format {@code format} names, NDJSON when absent; anything else adds its issue to {@code issues}. */
    static AuditExportFormat read(String format, List<FieldIssue> issues) {
        if (format == null) {
            return NDJSON;
        }
        for (AuditExportFormat known : values()) {
            if (known.wire.equals(format)) {
                return known;
            }
        }
        issues.add(new FieldIssue("format", "must be one of "
                + Arrays.stream(values()).map(known -> known.wire).collect(Collectors.joining(", "))));
        return NDJSON;
    }
}
