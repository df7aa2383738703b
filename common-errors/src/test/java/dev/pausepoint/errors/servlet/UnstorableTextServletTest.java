package dev.pausepoint.errors.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.errors.testapp.TextController;
import dev.pausepoint.testsupport.http.RawHttpConnection;
import dev.pausepoint.testsupport.http.RawHttpConnection.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The check for unstorable text in a real Tomcat, with requests written byte by byte: what Jackson, Tomcat's
 * decoders and the check each do with NUL, lone surrogates and bytes that are not UTF-8.
 */
@SpringBootTest(classes = UnstorableTextServletTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
class UnstorableTextServletTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    /** Sends exactly these bytes, so nothing a client library would refuse or re-encode is lost. */
    Response raw(byte[] request) {
        return RawHttpConnection.exchange(port, request);
    }

    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.writeBytes((byte[]) part);
            }
        }
        return out.toByteArray();
    }

    Response post(String path, String contentType, byte[] body) {
        return raw(bytes("POST " + path + " HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\nContent-Type: "
                + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n", body));
    }

    Response get(String target, String... headerLines) {
        return raw(bytes("GET " + target + " HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n"
                + String.join("", headerLines) + "\r\n"));
    }

    private static final String NUL = "must not contain U+0000 (NUL)";
    private static final String SURROGATE = "must not contain an unpaired UTF-16 surrogate";
    private static final byte[] CESU_SURROGATE = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};

    private static void assertIssue(Response reply, String field, String issue) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.head()).containsIgnoringCase("Content-Type: application/json");
        JsonNode body = JSON.readTree(reply.body());
        assertThat(body.get("error").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(body.get("status_code").asInt()).isEqualTo(422);
        assertThat(body.get("detail").get(0).get("field").asString()).isEqualTo(field);
        assertThat(body.get("detail").get(0).get("issue").asString()).isEqualTo(issue);
    }

    private Response json(String path, byte[] body) {
        return post(path, "application/json", body);
    }

    private Response form(byte[] body) {
        return post("/texts/form", "application/x-www-form-urlencoded", body);
    }

    @Test
    void escapedNulAndLoneSurrogatesInAJsonTreeNameTheirPath() throws Exception {
        assertIssue(json("/texts/tree", utf8("{\"a\":{\"b\":[\"ok\",\"\\u0000\"]}}")), "a.b[1]", NUL);
        assertIssue(json("/texts/tree", utf8("{\"a\":\"x\\ud800\"}")), "a", SURROGATE);
        assertIssue(json("/texts/tree", utf8("{\"a\":\"\\udc00x\"}")), "a", SURROGATE);
        assertIssue(json("/texts/tree", utf8("{\"meta\":{\"k\\u0000\":1}}")), "meta",
                "must not have a key containing U+0000 (NUL)");
    }

    @Test
    void theTextIsJudgedBeforeBeanValidation() throws Exception {
        // The e-mail is also not an address and the name is fine: only the NUL is reported.
        Response reply = json("/texts/record", utf8("{\"email\":\"not-an-address\\u0000\",\"tags\":[\"\\ud800\"]}"));
        assertIssue(reply, "email", NUL);
        assertThat(JSON.readTree(reply.body()).get("detail").toString()).contains("tags[0]").doesNotContain("address");
    }

    @Test
    void rawBytesTheDatabaseCannotHoldAreRefusedByTheParserOrTheCheck() throws Exception {
        // A raw NUL, a CESU-encoded surrogate and a byte that is not UTF-8 are not JSON at all.
        assertIssue(json("/texts/tree", bytes("{\"a\":\"", new byte[] {0}, "\"}")), "body",
                "is not valid JSON (line 1, column 7)");
        assertIssue(json("/texts/tree", bytes("{\"a\":\"", CESU_SURROGATE, "\"}")), "body",
                "is not valid JSON (line 1, column 10)");
        assertIssue(json("/texts/tree", bytes("{\"a\":\"", new byte[] {(byte) 0xFF}, "\"}")), "body",
                "is not valid JSON (line 1, column 8)");
        // Modified UTF-8's two-byte NUL decodes to U+0000, which the check then finds.
        assertIssue(json("/texts/tree", bytes("{\"a\":\"", new byte[] {(byte) 0xC0, (byte) 0x80}, "\"}")), "a",
                NUL);
    }

    @Test
    void formsAndQueriesAreCheckedByName() throws Exception {
        assertIssue(form(bytes("note=a%00b")), "note", NUL);
        assertIssue(form(bytes("note=a", new byte[] {0}, "b")), "note", NUL);
        assertIssue(get("/texts?q=a%00b"), "q", NUL);
        assertIssue(get("/texts?q=ok&q=a%00b"), "q", NUL);
        assertIssue(get("/texts?a%00b=1"), "parameters", "must not have a name containing U+0000 (NUL)");
    }

    @Test
    void escapesThatAreNotUtf8AreTheClientsErrorNotAFiveHundred() throws Exception {
        for (String escape : new String[] {"%ED%A0%80", "%FF", "%zz", "%C3"}) {
            assertIssue(form(bytes("note=a" + escape + "b")), "body", "must be percent-encoded UTF-8");
            assertIssue(get("/texts?q=a" + escape + "b"), "query", "must be percent-encoded UTF-8");
        }
    }

    @Test
    void pathVariablesAreChecked() throws Exception {
        Response fine = get("/texts/caf%C3%A9");
        assertThat(fine.status()).isEqualTo(200);
        assertThat(JSON.readTree(fine.body()).get("text_id").asString()).isEqualTo("caf\u00e9");
    }

    @Test
    void whatTomcatRefusesBeforeAnyServletRunsStillGetsTheEnvelope() throws Exception {
        for (String path : new String[] {"/texts/a%00b", "/texts/a%ED%A0%80b", "/texts/a%FFb", "/texts/a%zzb"}) {
            assertIssue(get(path), "request", "is malformed");
        }
        assertIssue(raw(bytes("GET /texts HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\nX-Stored: a",
                new byte[] {0}, "b\r\n\r\n")), "request", "is malformed");
    }

    @Test
    void headerBytesAreLatin1SoTheyCannotCarryASurrogate() throws Exception {
        Response reply = raw(bytes("GET /texts HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\nX-Stored: a",
                CESU_SURROGATE, "b\r\n\r\n"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(JSON.readTree(reply.body()).get("stored").asString()).isEqualTo("a\u00ed\u00a0\u0080b");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(TextController.class)
    static class App {
    }
}
