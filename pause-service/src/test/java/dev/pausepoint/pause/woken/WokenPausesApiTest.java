package dev.pausepoint.pause.woken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.pause.PauseApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /internal/pauses/woken}, the gateway's one read of the pauses whose long-polls it woke:
 * each pause exactly as the public read renders it, only in the world of the waiter asking.
 */
class WokenPausesApiTest extends PauseApiTest {

    private static final String PATH = "/internal/pauses/woken";

    /** Text the mapper has to escape or encode, so "the same bytes" is a claim about rendering. */
    private static final String UNUSUAL = SMS_PAUSE.replace("Deploy v2.3 to production?",
            "D\u00e9ployer \\\"v2.3\\\" \u2713 \\u0001 <b>&</b>?").replace("\"r-42\"", "[1.50, 1e3, \"\\u00e9\"]");

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private static String entry(String pauseId, CallerIdentity as) {
        return "{\"pause_id\":\"" + pauseId + "\",\"developer_id\":\"" + as.developerId() + "\",\"livemode\":"
                + as.livemode() + "}";
    }

    private Reply woken(String... entries) {
        return client.internalPost(PATH, "{\"pauses\":[" + String.join(",", entries) + "]}", "gateway");
    }

    @Test
    void eachPauseIsTheBodyOfThePublicReadByteForByteInEveryStateAndMode() {
        CallerIdentity test = developer("free", KeyMode.TEST);
        CallerIdentity live = sameDeveloper(test, KeyMode.LIVE);
        List<String> entries = new ArrayList<>();
        List<Reply> publicReads = new ArrayList<>();
        for (CallerIdentity caller : List.of(test, live)) {
            String pending = createdId(caller, UNUSUAL);
            String responded = createdId(caller, UNUSUAL);
            assertThat(respond(responded).status()).isEqualTo(200);
            String cancelled = createdId(caller, UNUSUAL);
            assertThat(client.send("DELETE", "/v1/pause/" + cancelled, null, null, caller).status()).isEqualTo(200);
            String timedOut = createdId(caller, UNUSUAL);
            jdbc.sql("UPDATE pause SET expires_at = now() - interval '1 second' WHERE id = ?").param(timedOut).update();
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    client.get("/v1/pause/" + timedOut, caller).json().get("status").asString().equals("timed_out"));
            for (String id : List.of(pending, responded, cancelled, timedOut)) {
                entries.add(entry(id, caller));
                publicReads.add(client.get("/v1/pause/" + id, caller));
            }
        }
        assertThat(publicReads).extracting(read -> read.json().get("status").asString()).containsExactly(
                "pending", "responded", "cancelled", "timed_out", "pending", "responded", "cancelled", "timed_out");

        Reply reply = woken(entries.toArray(String[]::new));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).as("what the gateway gives each waiter")
                .isEqualTo(publicReads.get(0).header("Content-Type"));
        assertThat(reply.body()).as("positional, each the public read's body unchanged").isEqualTo(
                publicReads.stream().map(Reply::body).collect(Collectors.joining(",", "{\"pauses\":[", "]}")));
    }

    @Test
    void aPauseIsGivenOnlyInTheWorldOfTheWaiterAskingForIt() {
        CallerIdentity owner = developer("free", KeyMode.TEST);
        CallerIdentity stranger = developer("free", KeyMode.TEST);
        String id = createdId(owner, SMS_PAUSE);

        Reply reply = woken(entry(id, stranger), entry(id, sameDeveloper(owner, KeyMode.LIVE)),
                entry("psr_unknown", owner), entry(id, owner));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode pauses = reply.json().get("pauses");
        assertThat(pauses.size()).isEqualTo(4);
        assertThat(pauses.get(0).isNull()).as("another developer's").isTrue();
        assertThat(pauses.get(1).isNull()).as("the other mode's").isTrue();
        assertThat(pauses.get(2).isNull()).as("unknown").isTrue();
        assertThat(pauses.get(3).get("pause_id").asString()).as("the owner's, in the same call").isEqualTo(id);
        assertThat(reply.body()).doesNotContain(stranger.developerId());
    }

    @Test
    void onlyAnotherServiceMayAsk() throws Exception {
        CallerIdentity owner = developer("free", KeyMode.TEST);
        String id = createdId(owner, SMS_PAUSE);
        String body = "{\"pauses\":[" + entry(id, owner) + "]}";

        Reply asDeveloper = client.postJson(PATH, body, owner);
        assertThat(asDeveloper.status()).as("an identity is not an internal credential").isEqualTo(401);
        assertThat(asDeveloper.body()).doesNotContain(id);
        var unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)).build(),
                BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).doesNotContain(id);
    }

    @Test
    void aListTooLongEmptyOrMalformedIsTheValidationErrorNeverAFiveHundred() {
        CallerIdentity owner = developer("free", KeyMode.TEST);
        String[] tooMany = IntStream.rangeClosed(0, WokenPausesController.MAX_PAUSES)
                .mapToObj(i -> entry("psr_" + i, owner)).toArray(String[]::new);
        assertThat(woken(tooMany.clone()).status()).as("%d is one too many", tooMany.length).isEqualTo(422);
        assertThat(woken(java.util.Arrays.copyOf(tooMany, WokenPausesController.MAX_PAUSES)).status())
                .as("the most one call may ask").isEqualTo(200);

        for (String body : List.of("{\"pauses\":[]}", "{}", "{\"pauses\":\"psr_1\"}", "{\"pauses\":[17]}",
                "{\"pauses\":[{\"pause_id\":\"psr_1\",\"developer_id\":\"dev_1\"}]}",
                "{\"pauses\":[{\"pause_id\":1,\"developer_id\":\"dev_1\",\"livemode\":false}]}",
                "{\"pauses\":[{\"pause_id\":\"psr_1\",\"developer_id\":\"dev_1\",\"livemode\":\"no\"}]}")) {
            Reply reply = client.internalPost(PATH, body, "gateway");
            assertThat(reply.status()).as(body).isEqualTo(422);
            assertThat(reply.json().get("error").asString()).as(body).isEqualTo("VALIDATION_ERROR");
            assertThat(reply.json().get("detail").get(0).get("field").asString()).as(body).startsWith("pauses");
        }
        for (String text : List.of("psr_\\u0000", "psr_\\ud800")) {
            String body = "{\"pauses\":[{\"pause_id\":\"" + text + "\",\"developer_id\":\"dev_1\",\"livemode\":false}]}";
            Reply reply = client.internalPost(PATH, body, "gateway");
            assertThat(reply.status()).as("text the database cannot hold: %s", body).isEqualTo(422);
            assertThat(reply.json().get("error").asString()).as(body).isEqualTo("VALIDATION_ERROR");
        }
        for (String body : List.of("{\"pauses\":[", "[1,2]", "")) {
            Reply reply = client.internalPost(PATH, body, "gateway");
            assertThat(reply.status()).as(body).isBetween(400, 499);
            assertThat(reply.json().get("error").isString()).as(body).isTrue();
        }
    }
}
