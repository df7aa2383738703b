package dev.pausepoint.pause.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.events.Topics;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.kit.token.ResponseToken;
import dev.pausepoint.kit.token.ResponseTokenCodec;
import dev.pausepoint.pause.PauseApiTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PauseLifecycleApiTest extends PauseApiTest {

    /** Reads numbers as written, so the test sees what the service sent rather than a double of it. */
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Autowired
    ResponseTokenCodec tokens;

    @Test
    void createAnswersWithARespondUrlWhoseTokenNamesThePauseAndItsExpiry() {
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        Reply reply = create(caller, SMS_PAUSE);
        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = reply.json();
        String id = body.get("pause_id").asString();
        assertThat(id).matches("psr_[0-9a-f-]{36}");
        assertThat(body.get("status").asString()).isEqualTo("pending");
        assertThat(body.get("livemode").asBoolean()).isTrue();
        Instant created = Instant.parse(body.get("created_at").asString());
        Instant expires = Instant.parse(body.get("expires_at").asString());
        assertThat(Duration.between(created, expires)).isEqualTo(Duration.ofHours(24));
        String url = body.get("respond_url").asString();
        assertThat(url).startsWith("http://localhost:8080/respond/");
        ResponseToken token = tokens.verify(url.substring(url.lastIndexOf('/') + 1));
        assertThat(token.pauseId()).isEqualTo(id);
        assertThat(token.expiresAt()).isEqualTo(expires);
    }

    @Test
    void theCreatedPauseReadsBackInFull() {
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        String id = createdId(caller, SMS_PAUSE);
        Reply reply = client.get("/v1/pause/" + id, caller);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode pause = reply.json();
        assertThat(pause.get("recipient").asString()).as("normalised").isEqualTo("+14155550123");
        assertThat(pause.get("options").toString()).isEqualTo("[\"Approve\",\"Reject\"]");
        assertThat(pause.get("metadata").toString()).isEqualTo("{\"run_id\":\"r-42\"}");
        assertThat(pause.get("timeout_default").asString()).isEqualTo("Reject");
        assertThat(pause.get("allow_text_response").asBoolean()).isFalse();
        assertThat(pause.get("response_choice").isNull()).isTrue();
        assertThat(pause.get("cancelled_at").isNull()).isTrue();
        assertThat(pause.get("delivery").toString())
                .isEqualTo("{\"status\":\"queued\",\"attempts\":0,\"last_error\":null,\"updated_at\":null,"
                        + "\"sandbox_message\":null}");
        var names = new ArrayList<String>();
        pause.propertyNames().forEach(names::add);
        assertThat(names).containsExactly("pause_id", "status", "livemode", "channel", "recipient", "message",
                "options", "allow_text_response", "timeout_default", "metadata", "agent_name", "created_at", "expires_at",
                "respond_url", "response_choice", "response_text", "response_at", "cancelled_at", "delivery",
                "deliveries");
        assertThat(pause.get("agent_name").isNull()).isTrue();
        assertThat(pause.get("respond_url").isNull()).as("a live pause's link is shown by its create only").isTrue();
        assertThat(pause.get("deliveries").toString()).as("one notification, the same facts as delivery")
                .isEqualTo("[{\"notification\":0,\"kind\":\"initial\",\"step\":null,\"reminder\":null,"
                        + "\"channel\":\"sms\",\"recipient\":\"+14155550123\",\"due_at\":\""
                        + pause.get("created_at").asString() + "\",\"status\":\"queued\",\"attempts\":0,"
                        + "\"last_error\":null,\"updated_at\":null,\"sandbox_message\":null}]");
    }

    /** The developer (and the dashboard) can answer their own test pause: every read carries the create's link. */
    @Test
    void aTestPauseCarriesTheLinkItsCreateGaveInEveryRead() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        Reply created = create(caller, SMS_PAUSE);
        String id = created.json().get("pause_id").asString();
        String link = created.json().get("respond_url").asString();

        assertThat(client.get("/v1/pause/" + id, caller).json().get("respond_url").asString()).isEqualTo(link);
        assertThat(client.get("/v1/pause", caller).json().get("items").get(0).get("respond_url").asString())
                .isEqualTo(link);
        Reply cancelled = client.send("DELETE", "/v1/pause/" + id, null, null, caller);
        assertThat(cancelled.json().get("respond_url").asString()).as("the cancel's answer").isEqualTo(link);
        assertThat(client.get("/v1/pause/" + id, caller).json().get("respond_url").asString())
                .as("also once the pause is over: the page then says so").isEqualTo(link);
    }

    @Test
    void aLivePauseShowsNoLinkInAnyRead() {
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        String id = createdId(caller, SMS_PAUSE);

        assertThat(client.get("/v1/pause/" + id, caller).json().get("respond_url").isNull()).isTrue();
        assertThat(client.get("/v1/pause", caller).json().get("items").get(0).get("respond_url").isNull()).isTrue();
        Reply cancelled = client.send("DELETE", "/v1/pause/" + id, null, null, caller);
        assertThat(cancelled.json().get("respond_url").isNull()).isTrue();
        assertThat(cancelled.body()).doesNotContain("/respond/");
    }

    @Test
    void listFiltersByChannelAloneAndTogetherWithAStatus() {
        CallerIdentity caller = developer("pro", KeyMode.TEST);
        String sms = createdId(caller, SMS_PAUSE);
        String email = createdId(caller, EMAIL_PAUSE);
        String slack = createdId(caller, SLACK_PAUSE);
        String cancelledEmail = createdId(caller, EMAIL_PAUSE);
        client.send("DELETE", "/v1/pause/" + cancelledEmail, null, null, caller);

        assertThat(ids(client.get("/v1/pause?channel=email", caller))).containsExactly(cancelledEmail, email);
        assertThat(ids(client.get("/v1/pause?channel=sms", caller))).containsExactly(sms);
        assertThat(ids(client.get("/v1/pause?channel=slack&status=pending", caller))).containsExactly(slack);
        assertThat(ids(client.get("/v1/pause?channel=email&status=cancelled", caller))).containsExactly(cancelledEmail);
        assertThat(ids(client.get("/v1/pause?status=pending&channel=email", caller))).containsExactly(email);
        assertThat(ids(client.get("/v1/pause?channel=sms&status=cancelled", caller))).isEmpty();
        Reply paged = client.get("/v1/pause?channel=email&limit=1&offset=1", caller);
        assertThat(ids(paged)).containsExactly(email);
        assertThat(paged.json().get("has_more").asBoolean()).isFalse();
        assertThat(client.get("/v1/pause?channel=email&limit=1", caller).json().get("has_more").asBoolean()).isTrue();
        assertThat(ids(client.get("/v1/pause?channel=email", sameDeveloper(caller, KeyMode.LIVE)))).isEmpty();
        assertThat(ids(client.get("/v1/pause?channel=email", developer("pro", KeyMode.TEST)))).isEmpty();
    }

    /**
     * The dashboard calls with the developer's session, which names its world (the gateway signs the mode
     * the session asked for): reads, lists and cancels act in that world exactly as its key would.
     */
    @Test
    void aSessionActsInTheWorldItSelects() {
        CallerIdentity key = developer("free", KeyMode.TEST);
        CallerIdentity testSession = session(key, KeyMode.TEST);
        CallerIdentity liveSession = session(key, KeyMode.LIVE);
        Reply created = create(key, SMS_PAUSE);
        String id = created.json().get("pause_id").asString();

        Reply read = client.get("/v1/pause/" + id, testSession);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("respond_url").asString()).isEqualTo(created.json().get("respond_url").asString());
        assertThat(ids(client.get("/v1/pause?channel=sms&status=pending", testSession))).containsExactly(id);
        assertThat(client.get("/v1/pause/" + id, liveSession).status()).as("the other world").isEqualTo(404);
        assertThat(ids(client.get("/v1/pause", liveSession))).isEmpty();
        assertThat(client.send("DELETE", "/v1/pause/" + id, null, null, liveSession).status()).isEqualTo(404);
        assertThat(client.send("DELETE", "/v1/pause/" + id, null, null, testSession).status()).isEqualTo(200);
    }

    @Test
    void anotherDevelopersPauseAndTheOtherWorldsPauseAreNotFound() {
        CallerIdentity owner = developer("free", KeyMode.LIVE);
        String id = createdId(owner, SMS_PAUSE);
        for (CallerIdentity stranger : List.of(developer("free", KeyMode.LIVE), sameDeveloper(owner, KeyMode.TEST))) {
            Reply reply = client.get("/v1/pause/" + id, stranger);
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.body()).isEqualTo("{\"error\":\"PAUSE_NOT_FOUND\",\"message\":\"No pause " + id
                    + ".\",\"status_code\":404}");
            assertThat(client.send("DELETE", "/v1/pause/" + id, null, null, stranger).status()).isEqualTo(404);
        }
        assertThat(client.get("/v1/pause/psr_not-even-a-uuid", owner).status()).isEqualTo(404);
    }

    @Test
    void listIsNewestFirstWithPagingAndAStatusFilter() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(createdId(caller, SMS_PAUSE.replace("Deploy", "Deploy " + i)));
        }
        client.send("DELETE", "/v1/pause/" + ids.get(1), null, null, caller);
        Reply page = client.get("/v1/pause?limit=2&offset=1", caller);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(2);
        assertThat(page.json().get("items").get(0).get("pause_id").asString()).isEqualTo(ids.get(3));
        assertThat(page.json().get("items").get(1).get("pause_id").asString()).isEqualTo(ids.get(2));
        assertThat(page.json().get("has_more").asBoolean()).isTrue();
        assertThat(page.json().get("limit").asInt()).isEqualTo(2);
        assertThat(page.json().get("offset").asInt()).isEqualTo(1);
        assertThat(client.get("/v1/pause?limit=2&offset=4", caller).json().get("has_more").asBoolean()).isFalse();
        Reply cancelled = client.get("/v1/pause?status=cancelled", caller);
        assertThat(cancelled.json().get("items")).hasSize(1);
        assertThat(cancelled.json().get("items").get(0).get("pause_id").asString()).isEqualTo(ids.get(1));
        assertThat(client.get("/v1/pause", caller).json().get("limit").asInt()).isEqualTo(20);
        assertThat(client.get("/v1/pause", sameDeveloper(caller, KeyMode.LIVE)).json().get("items")).isEmpty();
    }

    @Test
    void listParametersOutOfRangeAreValidationErrors() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        for (String query : List.of("limit=0", "limit=101", "offset=-1", "status=done", "limit=ten", "channel=fax",
                "channel=SMS", "channel=", "channel=sms%20")) {
            Reply reply = client.get("/v1/pause?" + query, caller);
            assertThat(reply.status()).as(query).isEqualTo(422);
            assertThat(reply.json().get("error").asString()).isEqualTo("VALIDATION_ERROR");
        }
        assertThat(client.get("/v1/pause?limit=100", caller).status()).isEqualTo(200);
        assertThat(client.get("/v1/pause?limit=1", caller).status()).isEqualTo(200);
        for (String filter : List.of("", "&status=pending", "&channel=sms", "&channel=sms&status=pending")) {
            Reply farthest = client.get("/v1/pause?limit=100&offset=2147483647" + filter, caller);
            assertThat(farthest.status()).as("the largest offset" + filter).isEqualTo(200);
            assertThat(farthest.json().get("items")).isEmpty();
        }
    }

    @Test
    void everyBadListParameterIsInOneValidationError() {
        Reply reply = client.get("/v1/pause?status=done&channel=pigeon&limit=0&offset=-1", developer("pro", KeyMode.TEST));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail").toString()).isEqualTo("[{\"field\":\"status\",\"issue\":\"must be one of "
                + "pending, responded, timed_out, cancelled\"},{\"field\":\"channel\",\"issue\":\"must be one of sms, "
                + "email, slack\"},{\"field\":\"limit\",\"issue\":\"must be between 1 and 100\"},{\"field\":"
                + "\"offset\",\"issue\":\"must be at least 0\"}]");
    }

    @Test
    void cancelOnceThenAlreadyCancelled() {
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        String id = createdId(caller, SMS_PAUSE);
        Reply cancelled = client.send("DELETE", "/v1/pause/" + id, null, null, caller);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("cancelled_at").asString()).endsWith("Z");
        Reply again = client.send("DELETE", "/v1/pause/" + id, null, null, caller);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asString()).isEqualTo("ALREADY_CANCELLED");
    }

    /**
     * Metadata is the developer's, echoed in reads, events and webhooks: a number comes back as the number
     * sent, not rounded to a double (0.1000000000000000055511151231257827 was 0.1) or turned into the
     * string "Infinity" (1e400 was).
     */
    @Test
    void metadataNumbersReadBackAndAreAnnouncedExactly() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, SMS_PAUSE.replace("{\"run_id\": \"r-42\"}", """
                {"huge": 1e400, "precise": 0.1000000000000000055511151231257827,
                 "count": 123456789012345678901234567890}"""));
        JsonNode metadata = EXACT.readTree(client.get("/v1/pause/" + id, caller).body()).get("metadata");
        assertThat(metadata.get("huge").isNumber()).isTrue();
        assertThat(metadata.get("huge").decimalValue()).isEqualByComparingTo("1e400");
        assertThat(metadata.get("precise").decimalValue()).isEqualByComparingTo("0.1000000000000000055511151231257827");
        assertThat(metadata.get("count").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        PauseCreated created = EventReader.first(Topics.PAUSE_EVENTS, PauseCreated.class, e -> e.pauseId().equals(id));
        assertThat(new BigDecimal(created.metadata().get("huge").toString())).isEqualByComparingTo("1e400");
        assertThat(new BigDecimal(created.metadata().get("precise").toString()))
                .isEqualByComparingTo("0.1000000000000000055511151231257827");
    }

    /**
     * Read exactly, a number can be one Postgres cannot store (numeric holds 131,072 digits before the point
     * and 16,383 after): 1e999999999 in metadata must be the client's 422, not a failed insert.
     */
    @Test
    void metadataNumbersPostgresCannotHoldAreRefused() {
        for (String number : List.of("1e999999999", "-1e200000", "1e-999999999", "1e-20000")) {
            Reply reply = create(developer("free", KeyMode.TEST), SMS_PAUSE.replace("\"r-42\"", number));
            assertThat(reply.status()).as(number).isEqualTo(422);
            assertThat(reply.json().get("detail").toString()).as(number).contains("\"field\":\"metadata\"");
        }
        Reply huge = create(developer("free", KeyMode.TEST), SMS_PAUSE.replace("\"timeout_default\": \"Reject\", ",
                "\"timeout_default\": \"Reject\", \"timeout_hours\": 1e999999999, "));
        assertThat(huge.status()).isEqualTo(422);
        assertThat(huge.json().get("detail").toString()).contains("timeout_hours");
    }

    @Test
    void createAndCancelAreAnnouncedWithTheCallersAddress() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, SMS_PAUSE);
        client.send("DELETE", "/v1/pause/" + id, null, null, caller);
        PauseCreated created = EventReader.first(Topics.PAUSE_EVENTS, PauseCreated.class, e -> e.pauseId().equals(id));
        assertThat(created.livemode()).isFalse();
        assertThat(created.recipient()).isEqualTo("+14155550123");
        assertThat(created.metadata()).containsEntry("run_id", "r-42");
        assertThat(created.respondUrl()).contains("/respond/");
        assertThat(created.actorIp()).isEqualTo("203.0.113.5");
        PauseCancelled cancelled = EventReader.first(Topics.PAUSE_EVENTS, PauseCancelled.class,
                e -> e.pauseId().equals(id));
        assertThat(cancelled.developerId()).isEqualTo(caller.developerId());
    }

    @Test
    void aChannelOffThePlanIsForbiddenNamingThePlanThatHasIt() {
        Reply email = create(developer("free", KeyMode.LIVE), """
                {"recipient": "ada@example.com", "channel": "email", "message": "Ok?", "options": ["Yes", "No"]}""");
        assertThat(email.status()).isEqualTo(403);
        assertThat(email.body()).isEqualTo("{\"error\":\"CHANNEL_NOT_ALLOWED\",\"message\":\"Email is not on the free "
                + "plan. Upgrade to Starter to use it.\",\"status_code\":403}");
        Reply slack = create(developer("starter", KeyMode.TEST), """
                {"recipient": "https://hooks.slack.com/services/T0/B0/X", "channel": "slack", "message": "Ok?",
                 "options": ["Yes", "No"]}""");
        assertThat(slack.json().get("message").asString()).contains("Upgrade to Pro");
    }

    @Test
    void timeoutIsCappedSilentlyAtThePlansMaximum() {
        Reply free = create(developer("free", KeyMode.TEST), SMS_PAUSE.replace("\"metadata\"", "\"timeout_hours\": 100, \"metadata\""));
        assertThat(hours(free)).isEqualTo(24);
        Reply starter = create(developer("starter", KeyMode.TEST), SMS_PAUSE.replace("\"metadata\"", "\"timeout_hours\": 100, \"metadata\""));
        assertThat(hours(starter)).isEqualTo(100);
        Reply enterprise = create(developer("enterprise", KeyMode.TEST), SMS_PAUSE.replace("\"metadata\"", "\"timeout_hours\": 100000, \"metadata\""));
        assertThat(hours(enterprise)).as("unlimited plans stop at a year").isEqualTo(8760);
    }

    private static final String EMAIL_PAUSE = """
            {"recipient": "ada@example.com", "channel": "email", "message": "Ok?", "options": ["Yes", "No"]}""";
    private static final String SLACK_PAUSE = """
            {"recipient": "https://hooks.slack.com/services/T0/B0/X", "channel": "slack", "message": "Ok?",
             "options": ["Yes", "No"]}""";

    private static List<String> ids(Reply page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("pause_id").asString()));
        return ids;
    }

    private static long hours(Reply reply) {
        return Duration.between(Instant.parse(reply.json().get("created_at").asString()),
                Instant.parse(reply.json().get("expires_at").asString())).toHours();
    }
}
