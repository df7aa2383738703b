package dev.pausepoint.pause.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The export's CSV cells, without a database: RFC 4180 quoting and formula neutralisation. */
class AuditCsvTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:15:30Z");

    private static String cell(String value) {
        StringBuilder record = new StringBuilder();
        AuditCsv.appendCell(record, value);
        return record.toString();
    }

    @Test
    void aPlainValueIsWrittenAsItIs() {
        assertThat(cell("pause.created")).isEqualTo("pause.created");
        assertThat(cell("2026-11-25T10:15:30Z")).isEqualTo("2026-11-25T10:15:30Z");
        assertThat(cell("D\u00e9ployer \u2713")).isEqualTo("D\u00e9ployer \u2713");
    }

    @Test
    void nullAndEmptyAreAnEmptyField() {
        assertThat(cell(null)).isEmpty();
        assertThat(cell("")).isEmpty();
    }

    @Test
    void aValueWithACommaQuoteOrLineBreakIsQuotedWithQuotesDoubled() {
        assertThat(cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(cell("say \"yes\"")).isEqualTo("\"say \"\"yes\"\"\"");
        assertThat(cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(cell("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
        assertThat(cell("{\"choice\":\"Yes\",\"text\":null}")).isEqualTo("\"{\"\"choice\"\":\"\"Yes\"\",\"\"text\"\":null}\"");
    }

    @Test
    void aCellASpreadsheetWouldReadAsAFormulaStartsWithAQuote() {
        assertThat(cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(cell("+1")).isEqualTo("'+1");
        assertThat(cell("-2+3")).isEqualTo("'-2+3");
        assertThat(cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(cell("\t=1")).isEqualTo("'\t=1");
        assertThat(cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(cell("a=1")).as("only at the start").isEqualTo("a=1");
        assertThat(cell(" =1")).isEqualTo(" =1");
    }

    @Test
    void aRecordHasTheListsFieldsInOrderAndEndsWithCrLf() {
        AuditEntry entry = new AuditEntry("aud_1", "dev_1", null, "pause.created", "developer", null, "203.0.113.5", AT);

        assertThat(AuditCsv.record(entry, "{\"channel\":\"sms\"}"))
                .isEqualTo("aud_1,dev_1,,pause.created,developer,\"{\"\"channel\"\":\"\"sms\"\"}\",203.0.113.5,"
                        + "2026-11-25T10:15:30Z\r\n");
        assertThat(AuditCsv.HEADER).isEqualTo("id,developer_id,pause_request_id,event_type,actor,detail,ip,created_at\r\n");
    }
}
