package dev.pausepoint.pause.audit;

import static dev.pausepoint.kit.UnstorableText.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.kit.UnstorableText.Bad;
import dev.pausepoint.pause.PauseApiTest;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/audit/export}: every entry of the caller's world in a range of dates, newest first, as
 * NDJSON or CSV, streamed from a database cursor to the client. Entries are seeded with SQL: the export
 * reads the table, whatever wrote it.
 */
class AuditExportApiTest extends PauseApiTest {

    private static final int MANY = 100_000;
    private static final String PATH = "/v1/audit/export";
    /** The many entries' range: one a second from 2026-06-01T00:00:01Z on (about 28 hours). */
    private static final String MANY_RANGE = "from_date=2026-06-01&to_date=2026-06-02";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The developer whose test world holds {@link #MANY} entries, seeded once for the class. */
    private static CallerIdentity many;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditRepository repository;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JsonMapper mapper;

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * {@code count} entries of {@code developerId} in {@code world} (null: both, as account entries are),
     * one a second from {@code start} on, numbered from 1 in their ids ({@code aud_<prefix>_<n>}).
     */
    private void seedEntries(String developerId, Boolean world, int count, String start, String prefix) {
        jdbc.sql("""
                INSERT INTO audit_entry (id, event_id, developer_id, livemode, pause_request_id, event_type, actor,
                                         detail, ip, created_at)
                SELECT 'aud_' || :prefix || '_' || n, 'evt_' || :prefix || '_' || n, :developer, :world,
                       'psr_' || :prefix || '_' || n, 'pause.created', 'developer',
                       jsonb_build_object('channel', 'sms', 'recipient', '+14155550123', 'n', n), '203.0.113.5',
                       CAST(:start AS timestamptz) + n * interval '1 second'
                FROM generate_series(1, :count) n""")
                .params(Map.of("prefix", prefix, "developer", developerId, "start", start, "count", count))
                .param("world", world, java.sql.Types.BOOLEAN)
                .update();
    }

    private CallerIdentity many() {
        if (many == null) {
            CallerIdentity caller = developer("free", KeyMode.TEST);
            seedEntries(caller.developerId(), false, MANY, "2026-06-01T00:00:00Z", "many" + caller.developerId());
            many = caller;
        }
        return many;
    }

    private HttpResponse<InputStream> export(CallerIdentity caller, String query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH + "?" + query))
                .timeout(Duration.ofSeconds(60)).GET();
        signer.signIdentity(caller, "GET", PATH).forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static BufferedReader lines(HttpResponse<InputStream> response) {
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    /** The whole body, which must end as a complete answer. */
    private static List<String> readAll(HttpResponse<InputStream> response) throws IOException {
        List<String> all = new ArrayList<>();
        try (BufferedReader reader = lines(response)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                all.add(line);
            }
        }
        return all;
    }

    /** Until the developer's place among the exports is free again (their last export has ended). */
    private void awaitExportable(CallerIdentity caller) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                client.get(PATH + "?from_date=2000-01-01&to_date=2000-01-01", caller).status() == 200);
    }

    /** Backends of this database inside a transaction (between fetches, or fetching) of the export's query. */
    private List<Integer> exportBackends() {
        return jdbc.sql("""
                SELECT pid FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'
                  AND query LIKE 'SELECT * FROM audit_entry%' AND query NOT LIKE '%LIMIT%'""")
                .query(Integer.class).list();
    }

    @Test
    void aHundredThousandEntriesArriveNewestFirstEachALineOfTheListsFields() throws IOException {
        CallerIdentity caller = many();

        HttpResponse<InputStream> response = export(caller, MANY_RANGE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"pausepoint-audit-test-2026-06-01-2026-06-02.ndjson\"");
        List<String> lines = readAll(response);
        assertThat(lines).hasSize(MANY);
        String prefix = "aud_many" + caller.developerId() + "_";
        for (int i = 0; i < MANY; i++) {
            JsonNode entry = JSON.readTree(lines.get(i));
            assertThat(entry.get("id").asString()).as("line %d", i).isEqualTo(prefix + (MANY - i));
            assertThat(entry.size()).as("line %d", i).isEqualTo(8);
        }
        String newest = client.get("/v1/audit?limit=1&" + MANY_RANGE, caller).json().get("items").get(0).toString();
        assertThat(lines.get(0)).as("exactly the list's item, field for field").isEqualTo(newest);
    }

    @Test
    void theCsvFormHasTheHeaderAndARecordPerEntry() throws IOException {
        CallerIdentity caller = many();

        HttpResponse<InputStream> response = export(caller, MANY_RANGE + "&format=csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=utf-8");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"pausepoint-audit-test-2026-06-01-2026-06-02.csv\"");
        List<String> lines = readAll(response);
        assertThat(lines).hasSize(MANY + 1);
        assertThat(lines.get(0)).isEqualTo("id,developer_id,pause_request_id,event_type,actor,detail,ip,created_at");
        String prefix = "many" + caller.developerId() + "_";
        assertThat(lines.get(1)).isEqualTo("aud_" + prefix + MANY + "," + caller.developerId() + ",psr_" + prefix + MANY
                + ",pause.created,developer,\"{\"\"n\"\":" + MANY + ",\"\"channel\"\":\"\"sms\"\",\"\"recipient\"\":"
                + "\"\"+14155550123\"\"}\",203.0.113.5,2026-06-02T03:46:40Z");
        assertThat(lines.get(MANY)).startsWith("aud_" + prefix + "1,").endsWith(",2026-06-01T00:00:01Z");
    }

    /**
     * The proof that rows are streamed, not gathered first. The client reads the first line and stops;
     * while it waits, the export's database session is still inside its transaction, and the test ends that
     * session. An implementation that read every row before writing (into a list, or a buffer of the whole
     * body) would have its 100,000 lines in memory by the time the first one arrived, so all of them would
     * still arrive. Here the rows after the ones already sent or fetched never come: the export was still
     * reading from its cursor, with at most the socket's buffers and one fetch ahead of the client. The body
     * then ends without its last chunk, so the client knows the file is incomplete.
     */
    @Test
    void entriesAreWrittenWhileTheCursorIsStillBeingRead() throws IOException {
        CallerIdentity caller = many();
        HttpResponse<InputStream> response = export(caller, MANY_RANGE);
        assertThat(response.statusCode()).isEqualTo(200);
        BufferedReader reader = lines(response);
        assertThat(reader.readLine()).contains("\"id\":\"aud_many");

        List<Integer> backends = exportBackends();
        assertThat(backends).as("the export's transaction, still open after its first line").hasSize(1);
        assertThat(jdbc.sql("SELECT pg_terminate_backend(?)").param(backends.get(0)).query(Boolean.class).single())
                .isTrue();

        int received = 1;
        boolean incomplete = false;
        try (reader) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                received++;
            }
        } catch (IOException e) {
            incomplete = true;
        }
        assertThat(received).as("lines that arrived").isLessThan(MANY / 2);
        assertThat(incomplete).as("the body ends without its last chunk").isTrue();
        awaitExportable(caller);
    }

    /**
     * A client that hangs up mid-export: the next write fails, the transaction ends and its connection goes
     * back to the pool at once (well before Tomcat's 5 s write timeout, the other way a stalled export
     * ends), and the developer may export again.
     */
    @Test
    void aClientHangingUpEndsTheExportsTransactionAndFreesItsPlace() throws IOException {
        CallerIdentity caller = many();
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("GET " + PATH + "?" + MANY_RANGE + " HTTP/1.1\r\nHost: localhost\r\n");
            signer.signIdentity(caller, "GET", PATH).forEach((name, value) ->
                    request.append(name).append(": ").append(value).append("\r\n"));
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] some = in.readNBytes(64 * 1024);
            assertThat(new String(some, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
            await().atMost(Duration.ofSeconds(5)).until(() -> exportBackends().size() == 1);
        }
        long hungUp = System.nanoTime();

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20)).until(() -> exportBackends().isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - hungUp)).isLessThan(Duration.ofSeconds(3));
        awaitExportable(caller);
    }

    /**
     * Past its longest duration an export stops between two rows, like any failure after its first byte,
     * and its transaction ends. Here the service is built with a duration already over at the first row.
     */
    @Test
    void anExportPastItsLongestDurationIsCutOffBetweenTwoRows() {
        CallerIdentity caller = many();
        AuditExportService impatient = new AuditExportService(repository, transactions, new AuditExportSlots(1),
                new AuditExportProperties(1, 500, Duration.ofNanos(1)), mapper);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditFilter filter = AuditFilter.read(null, null, "2026-06-01", "2026-06-02", new ArrayList<>());

        assertThatThrownBy(() -> impatient.write(caller, filter, AuditExportFormat.CSV, out))
                .isInstanceOf(AuditExportInterruptedException.class).hasMessageContaining("ran past its PT0.000000001S");
        assertThat(out.toString(StandardCharsets.UTF_8)).as("the header, and no entry").isEqualTo(AuditCsv.HEADER);
        assertThat(exportBackends()).isEmpty();
    }

    /** One export per developer at a time on an instance: each holds a pooled database connection. */
    @Test
    void aDevelopersSecondExportWhileTheFirstRunsIsRateLimited() throws IOException {
        CallerIdentity caller = many();
        HttpResponse<InputStream> first = export(caller, MANY_RANGE);
        assertThat(lines(first).readLine()).startsWith("{");

        Reply second = client.get(PATH + "?" + MANY_RANGE, caller);
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.json().get("error").asString()).isEqualTo("RATE_LIMITED");
        assertThat(second.header("Retry-After")).isEqualTo("5");
        assertThat(second.header("Content-Disposition")).isNull();
        Reply another = client.get(PATH + "?from_date=2026-06-01&to_date=2026-06-02", developer("free", KeyMode.TEST));
        assertThat(another.status()).as("another developer's").isEqualTo(200);
        first.body().close();
        awaitExportable(caller);
    }

    /**
     * Entries of {@code caller} in both worlds, of the account, of another developer and after the range
     * (2026-07-01 to 07-02), named after the returned prefix: {@code aud_<prefix><part>_<n>}.
     */
    private String seedWorlds(CallerIdentity caller) {
        String prefix = "w" + caller.developerId();
        seedEntries(caller.developerId(), false, 3, "2026-07-01T10:00:00Z", prefix + "test");
        seedEntries(caller.developerId(), true, 2, "2026-07-01T10:00:00Z", prefix + "live");
        seedEntries(caller.developerId(), null, 1, "2026-07-01T09:00:00Z", prefix + "account");
        seedEntries(developer("free", KeyMode.TEST).developerId(), false, 4, "2026-07-01T10:00:00Z", prefix + "other");
        seedEntries(caller.developerId(), false, 1, "2026-07-03T00:00:00Z", prefix + "later");
        return prefix;
    }

    @Test
    void onlyTheCallersWorldAndTheAccountsEntriesAreExported() throws IOException {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String prefix = seedWorlds(caller);

        List<String> test = ids(readAll(export(caller, "from_date=2026-07-01&to_date=2026-07-02")));
        List<String> live = ids(readAll(export(sameDeveloper(caller, KeyMode.LIVE),
                "from_date=2026-07-01&to_date=2026-07-02")));

        assertThat(test).containsExactly("aud_" + prefix + "test_3", "aud_" + prefix + "test_2",
                "aud_" + prefix + "test_1", "aud_" + prefix + "account_1");
        assertThat(live).containsExactly("aud_" + prefix + "live_2", "aud_" + prefix + "live_1",
                "aud_" + prefix + "account_1");
        assertThat(ids(readAll(export(caller, "from_date=2026-07-01&to_date=2026-07-02&pause_id=psr_" + prefix
                + "live_1")))).as("the other world's pause").isEmpty();
        assertThat(ids(readAll(export(caller, "from_date=2026-07-01&to_date=2026-07-03&pause_id=psr_" + prefix
                + "later_1&event_type=pause.created")))).containsExactly("aud_" + prefix + "later_1");
        assertThat(ids(readAll(export(caller, "from_date=2026-07-01&to_date=2026-07-03&event_type=pause.responded"))))
                .isEmpty();
    }

    /** The dashboard exports with the developer's session, in the world the session selects. */
    @Test
    void aSessionExportsTheWorldItSelects() throws IOException {
        CallerIdentity key = developer("free", KeyMode.TEST);
        String prefix = seedWorlds(key);

        HttpResponse<InputStream> live = export(session(key, KeyMode.LIVE), "from_date=2026-07-01&to_date=2026-07-01");

        assertThat(live.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"pausepoint-audit-live-2026-07-01-2026-07-01.ndjson\"");
        assertThat(ids(readAll(live))).containsExactly("aud_" + prefix + "live_2", "aud_" + prefix + "live_1",
                "aud_" + prefix + "account_1");
        assertThat(ids(readAll(export(session(key, KeyMode.TEST), "from_date=2026-07-01&to_date=2026-07-01"))))
                .containsExactly("aud_" + prefix + "test_3", "aud_" + prefix + "test_2", "aud_" + prefix + "test_1",
                        "aud_" + prefix + "account_1");
    }

    /**
     * Cells that a spreadsheet would run as formulas start with a quote, and RFC 4180 quoting keeps commas,
     * quotes and line breaks inside their cell. The values are written straight to the table, as no event
     * makes them today: the rule must hold for whatever reaches the log.
     */
    @Test
    void csvCellsThatStartAFormulaAreNeutralisedAndQuotedAsRfc4180Says() throws IOException {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        jdbc.sql("""
                INSERT INTO audit_entry (id, event_id, developer_id, livemode, pause_request_id, event_type, actor,
                                         detail, ip, created_at)
                VALUES (:id, :id, :developer, false, '@SUM(A1:A9)', '-2+3', 'human',
                        jsonb_build_object('text', '=cmd|'' /C calc''!A0', 'note', E'a,b "c"\\r\\nd'),
                        E'=HYPERLINK("http://x","y")', '2026-07-01T10:00:00Z'),
                       (:id || '_tab', :id || '_tab', :developer, false, E'\\tpsr', '+1', 'system', '-1',
                        E'\\r=1', '2026-07-01T09:00:00Z')""")
                .params(Map.of("id", "aud_csv_" + caller.developerId(), "developer", caller.developerId()))
                .update();

        String body = new String(export(caller, "from_date=2026-07-01&to_date=2026-07-01&format=csv").body()
                .readAllBytes(), StandardCharsets.UTF_8);

        List<List<String>> records = Rfc4180.parse(body);
        assertThat(records).hasSize(3);
        List<String> formulas = records.get(1);
        assertThat(formulas.get(2)).isEqualTo("'@SUM(A1:A9)");
        assertThat(formulas.get(3)).isEqualTo("'-2+3");
        assertThat(formulas.get(5)).as("detail, its JSON text whole")
                .isEqualTo("{\"note\":\"a,b \\\"c\\\"\\r\\nd\",\"text\":\"=cmd|' /C calc'!A0\"}");
        assertThat(formulas.get(6)).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        List<String> controls = records.get(2);
        assertThat(controls.get(2)).isEqualTo("'\tpsr");
        assertThat(controls.get(3)).isEqualTo("'+1");
        assertThat(controls.get(5)).as("a detail that is a bare number").isEqualTo("'-1");
        assertThat(controls.get(6)).isEqualTo("'\r=1");
        assertThat(body).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"").endsWith("\r\n");
        for (List<String> record : records) {
            assertThat(record).hasSize(8);
        }
    }

    @Test
    void everyBadParameterIsListedInOneValidationErrorBeforeAnyByte() {
        CallerIdentity caller = developer("free", KeyMode.TEST);

        Reply reply = client.get(PATH + "?event_type=pause.exploded&from_date=yesterday&to_date=2026-13-01"
                + "&format=xlsx", caller);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.header("Content-Disposition")).isNull();
        assertThat(reply.json().get("detail").toString()).isEqualTo("[{\"field\":\"event_type\",\"issue\":\"must be "
                + "one of api_key.rotated, developer.registered, pause.cancelled, pause.created, pause.escalated, "
                + "pause.reminded, pause.responded, "
                + "pause.timed_out, webhook.created, webhook.deleted\"},{\"field\":\"from_date\",\"issue\":\"must be a "
                + "date like 2026-11-25\"},{\"field\":\"to_date\",\"issue\":\"must be a date like 2026-11-25\"},"
                + "{\"field\":\"format\",\"issue\":\"must be one of ndjson, csv\"}]");
        assertThat(client.get(PATH, caller).json().get("detail").toString()).isEqualTo("[{\"field\":\"from_date\","
                + "\"issue\":\"is required\"},{\"field\":\"to_date\",\"issue\":\"is required\"}]");
        Reply backwards = client.get(PATH + "?from_date=2026-07-02&to_date=2026-07-01&format=NDJSON", caller);
        assertThat(backwards.json().get("detail").toString()).isEqualTo("[{\"field\":\"to_date\",\"issue\":\"must not "
                + "be before from_date\"},{\"field\":\"format\",\"issue\":\"must be one of ndjson, csv\"}]");
    }

    /** Dates ISO allows but no timestamp holds (year +999999999) were a 500 in the list; both refuse them. */
    @Test
    void datesBeyondFourDigitYearsAreRefusedAndTheFarEndsOfThoseAreServed() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        for (String path : List.of(PATH + "?", "/v1/audit?")) {
            for (String date : List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "20260701", "2026-7-1")) {
                Reply reply = client.get(path + "from_date=2026-07-01&to_date=" + date, caller);
                assertThat(reply.status()).as(path + date).isEqualTo(422);
                assertThat(reply.json().get("detail").get(0).get("field").asString()).isEqualTo("to_date");
            }
            assertThat(client.get(path + "from_date=0000-01-01&to_date=9999-12-31", caller).status()).isEqualTo(200);
        }
    }

    @Test
    void textTheDatabaseCannotHoldInTheFiltersIsTheDocumentedValidationErrorNeverAFiveHundred() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String range = "from_date=2026-07-01&to_date=2026-07-01&";
        assertRefused(client.get(PATH + "?" + range + "event_type=pause.created" + Bad.NUL.percent, caller),
                "event_type", Bad.NUL.issue);
        assertRefused(client.get(PATH + "?" + range + "pause_id=psr_" + Bad.NUL.percent, caller), "pause_id",
                Bad.NUL.issue);
        for (String broken : List.of("%ED%A0%80", "%ED%B0%80", "%FF", "%C0%AF", "%E2%82")) {
            assertRefused(client.get(PATH + "?" + range + "pause_id=psr_" + broken, caller), "query",
                    "must be percent-encoded UTF-8");
            assertRefused(client.get(PATH + "?" + range + "event_type=" + broken, caller), "query",
                    "must be percent-encoded UTF-8");
        }
        Reply longId = client.get(PATH + "?" + range + "pause_id=psr_" + "x".repeat(3000), caller);
        assertThat(longId.status()).as("an id no pause has is simply not found").isEqualTo(200);
    }

    private static List<String> ids(List<String> ndjson) {
        return ndjson.stream().map(line -> JSON.readTree(line).get("id").asString()).toList();
    }

    /** Just enough of RFC 4180 to read the export back: quoted fields with doubled quotes, CRLF records. */
    private static final class Rfc4180 {

        static List<List<String>> parse(String text) {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    record.add(field.toString());
                    field.setLength(0);
                    records.add(record);
                    record = new ArrayList<>();
                    i++;
                } else {
                    field.append(c);
                }
            }
            assertThat(field).as("the text ends with a complete record").isEmpty();
            return records;
        }
    }
}
