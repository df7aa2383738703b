package dev.pausepoint.pause.audit;

import java.util.Arrays;
import java.util.List;

/**
 * The CSV form of the audit export (docs/api-reference.md, "Audit log"): RFC 4180 (fields separated by
 * commas, records ending in CRLF, a field with a comma, a double quote, CR or LF enclosed in double quotes
 * with each double quote doubled), the same columns as the list's fields, {@code detail} as its JSON text,
 * a null as an empty field.
 *
 * <p>Spreadsheets read a cell that starts with {@code =}, {@code +}, {@code -} or {@code @} as a formula,
 * and some also after a leading tab or CR, so a value chosen by someone else (a recipient, a webhook URL,
 * a human's note in {@code detail}) could run as one on the developer's machine. Such a cell gets a
 * leading {@code '}, which spreadsheets show as text. Every cell is checked, so a column added later is
 * covered too.
 */
final class AuditCsv {

    static final String HEADER = "id,developer_id,pause_request_id,event_type,actor,detail,ip,created_at\r\n";

    private AuditCsv() {
    }

    /** One record, CRLF included; {@code detail} is the entry's detail as JSON text. */
    static String record(AuditEntry entry, String detail) {
        List<String> cells = Arrays.asList(entry.id(), entry.developerId(), entry.pauseRequestId(), entry.eventType(),
                entry.actor(), detail, entry.ip(), entry.createdAt().toString());
        StringBuilder record = new StringBuilder(256);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                record.append(',');
            }
            appendCell(record, cells.get(i));
        }
        return record.append("\r\n").toString();
    }

    /** {@code value} as one field: neutralised if a spreadsheet would read a formula, then quoted if need be. */
    static void appendCell(StringBuilder record, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        String text = startsAFormula(value) ? "'" + value : value;
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            record.append(text);
            return;
        }
        record.append('"').append(text.replace("\"", "\"\"")).append('"');
    }

    private static boolean startsAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
