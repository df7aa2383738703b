package dev.pausepoint.pause.lifecycle;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static dev.pausepoint.kit.UnstorableText.MARK;
import static dev.pausepoint.kit.UnstorableText.assertRefused;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.kit.UnstorableText.Bad;
import dev.pausepoint.pause.PauseApiTest;
import dev.pausepoint.testsupport.http.RawHttpConnection;
import dev.pausepoint.testsupport.http.RawHttpConnection.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every string a pause request carries, with U+0000 (which Postgres refuses, so it was a 500) and with
 * an unpaired surrogate (which the driver stored as {@code ?}): a 422 naming the field, with nothing
 * written and nothing reserved.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnstorableTextApiTest extends PauseApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> createFields() {
        Stream<Arguments> fields = Stream.of(
                field("recipient", (body, mark) -> body.put("recipient", "+1 (415) 555-01" + mark + "23")),
                field("message", (body, mark) -> body.put("message", "Deploy " + mark + "v2.3?")),
                field("options[0]", (body, mark) -> options(body).set(0, "Appr" + mark + "ove")),
                field("options[1]", (body, mark) -> options(body).set(1, mark)),
                field("timeout_default", (body, mark) -> body.put("timeout_default", "Reject" + mark)),
                field("metadata.run_id", (body, mark) -> ((ObjectNode) body.get("metadata")).put("run_id", mark)),
                field("metadata.deep.list[1].note", (body, mark) -> ((ObjectNode) body.get("metadata"))
                        .set("deep", JSON.readTree("{\"list\":[1,{\"note\":\"" + mark + "\"}]}"))),
                // A bad key is reported on the object that holds it, without echoing the key.
                field("metadata", (body, mark) -> ((ObjectNode) body.get("metadata")).put("key" + mark, "v")),
                // Checked before the channel rule: such a body cannot be stored whatever else is wrong.
                field("channel", (body, mark) -> body.put("channel", "pigeon" + mark)),
                field("unknown_field", (body, mark) -> body.put("unknown_field", mark)));
        return fields.flatMap(args -> Stream.of(Bad.values())
                .map(bad -> Arguments.of(args.get()[0], args.get()[1], bad)));
    }

    private static Arguments field(String name, BiConsumer<ObjectNode, String> put) {
        return Arguments.of(name, put);
    }

    private static ArrayNode options(ObjectNode body) {
        return (ArrayNode) body.get("options");
    }

    /** The sample SMS pause with the bad text placed by {@code put}, as JSON text. */
    private static String bodyWith(BiConsumer<ObjectNode, String> put, Bad bad) {
        ObjectNode body = (ObjectNode) JSON.readTree(SMS_PAUSE);
        put.accept(body, MARK);
        return bad.in(JSON.writeValueAsString(body));
    }

    private int pausesOf(CallerIdentity caller) {
        return jdbc.sql("SELECT count(*) FROM pause WHERE developer_id = ?").param(caller.developerId())
                .query(Integer.class).single();
    }

    @ParameterizedTest(name = "{0} with {2}")
    @MethodSource("createFields")
    void createRefusesTheFieldAndWritesNothing(String field, BiConsumer<ObjectNode, String> put, Bad bad,
            CapturedOutput output) {
        CallerIdentity caller = developer("pro", KeyMode.LIVE);
        Reply reply = create(caller, bodyWith(put, bad));
        if (field.equals("metadata") && bad != Bad.NUL) {
            // Jackson's UTF-8 parser itself refuses a broken surrogate pair in a property name.
            assertRefused(reply, "body", "is not valid JSON");
        } else {
            assertRefused(reply, field, field.equals("metadata") ? bad.keyIssue() : bad.issue);
        }
        assertThat(pausesOf(caller)).isZero();
        assertThat(BILLING.findAll(postRequestedFor(urlEqualTo("/internal/usage/reserve")))).isEmpty();
        assertThat(output.getAll()).doesNotContain("Unhandled failure");
    }

    @Test
    void withAnIdempotencyKeyNothingIsClaimed() {
        CallerIdentity caller = developer("pro", KeyMode.LIVE);
        Reply reply = client.send("POST", "/v1/pause", "application/json",
                bodyWith((body, mark) -> body.put("message", mark), Bad.NUL), caller, "Idempotency-Key", "k-1");
        assertRefused(reply, "message", Bad.NUL.issue);
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_key WHERE developer_id = ?")
                .param(caller.developerId()).query(Integer.class).single()).isZero();
    }

    @Test
    void theListsFilterIsCheckedAndEscapesThatAreNotUtf8AreNotAFiveHundred(CapturedOutput output) {
        CallerIdentity caller = developer("pro", KeyMode.TEST);
        assertRefused(client.get("/v1/pause?status=pending%00", caller), "status", Bad.NUL.issue);
        // A lone surrogate has no UTF-8 form: its CESU bytes are not UTF-8, so the query is not text at all.
        assertRefused(client.get("/v1/pause?status=%ED%A0%80", caller), "query", "must be percent-encoded UTF-8");
        assertRefused(client.get("/v1/pause?status=%FF", caller), "query", "must be percent-encoded UTF-8");
        assertThat(output.getAll()).doesNotContain("Unhandled failure");
    }

    @Test
    void aPauseIdThatIsNotUtf8IsTheEnvelopeNotTomcatsPage() {
        CallerIdentity caller = developer("pro", KeyMode.TEST);
        for (String id : new String[] {"psr_%ED%A0%80", "psr_%00", "psr_%FF"}) {
            assertRefused(client.get("/v1/pause/" + id, caller), "request", "is malformed");
            assertRefused(client.send("DELETE", "/v1/pause/" + id, null, null, caller), "request", "is malformed");
        }
    }

    /** No HTTP client sends a NUL in a header; this one writes the request byte by byte. */
    @Test
    void aNulInTheIdempotencyKeyIsRefusedWithTheEnvelope() throws Exception {
        CallerIdentity caller = developer("pro", KeyMode.LIVE);
        byte[] body = JSON.writeValueAsBytes(JSON.readTree(SMS_PAUSE));
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /v1/pause HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        signer.signIdentity(caller, "POST", "/v1/pause").forEach((name, value) ->
                request.writeBytes((name + ": " + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
        request.writeBytes("Idempotency-Key: a\u0000b\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        Response response = RawHttpConnection.exchange(port, request.toByteArray());
        assertThat(response.head()).startsWith("HTTP/1.1 422").containsIgnoringCase("Content-Type: application/json");
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.get("error").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(json.get("status_code").asInt()).isEqualTo(422);
        assertThat(pausesOf(caller)).isZero();
    }
}
