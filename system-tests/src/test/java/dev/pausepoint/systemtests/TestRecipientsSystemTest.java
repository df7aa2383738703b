package dev.pausepoint.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.pausepoint.systemtests.Developer.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pausepoint.localstack.Service;
import dev.pausepoint.systemtests.Http.Reply;
import dev.pausepoint.testsupport.PostgresAccess;
import dev.pausepoint.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Test recipients that answer by themselves (docs/testing.md), through the gateway on the whole stack: an
 * answer by option with its webhook and audit entry, a timeout to the default, a failed delivery, the 422s
 * of test mode, and a live key treating a test number as the ordinary number it is. Real time, not stepped:
 * the recipients' delays are seconds.
 */
@Order(4)
class TestRecipientsSystemTest {

    private static final String SECRET = "whsec-test-recipients-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    static final WireMockExtension RECEIVER = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    private static String ask(String channel, String recipient) {
        return """
                {"channel": "%s", "recipient": "%s", "message": "Deploy 4711?",
                 "options": ["Deploy", "Hold", "Ask me later"], "timeout_default": "Hold"}""".formatted(channel, recipient);
    }

    private static String created(String key, String body) {
        Reply reply = as(key, "POST", "/v1/pause", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("pause_id").asString();
    }

    private static JsonNode pause(String key, String id) {
        return as(key, "GET", "/v1/pause/" + id, null).json();
    }

    @Test
    void aTestNumberAnswersWithItsOptionAndTheWebhookAndAuditLogSayItAnswered() {
        Developer developer = Developer.register();
        String path = "/hooks/" + UUID.randomUUID();
        RECEIVER.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        assertThat(as(developer.test(), "POST", "/v1/webhooks", "{\"url\": \"http://" + SystemStack.RECEIVER_HOST + ":"
                + RECEIVER.getPort() + path + "\", \"secret\": \"" + SECRET + "\", \"events\": [\"pause.responded\"]}")
                .status()).isEqualTo(201);

        Instant asked = Instant.now();
        String id = created(developer.test(), ask("sms", "+1 500 555 0003"));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(pause(developer.test(), id).get("status").asString()).isEqualTo("responded"));
        JsonNode answered = pause(developer.test(), id);
        assertThat(answered.get("response_choice").asString()).isEqualTo("Ask me later");
        assertThat(Duration.between(asked, Instant.parse(answered.get("response_at").asString())))
                .as("about two seconds after the create").isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertThat(answered.get("delivery").get("status").asString()).as("the message was still rendered")
                .isIn("queued", "sandbox");

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(RECEIVER.findAll(postRequestedFor(urlEqualTo(path)))).singleElement().satisfies(post -> {
                    assertThat(post.getHeader("X-PausePoint-Event")).isEqualTo("pause.responded");
                    assertThat(post.getBodyAsString()).contains("\"pause_id\":\"" + id + "\"")
                            .contains("\"choice\":\"Ask me later\"");
                }));
        JsonNode entry = as(developer.test(), "GET", "/v1/audit?pause_id=" + id + "&event_type=pause.responded", null)
                .json().get("items").get(0);
        assertThat(entry.get("actor").asString()).isEqualTo("human");
        assertThat(entry.get("detail").get("choice").asString()).isEqualTo("Ask me later");
        assertThat(entry.get("detail").get("test_recipient").asBoolean()).isTrue();
        assertThat(entry.get("ip").isNull()).isTrue();
    }

    @Test
    void theTimeoutNumberTimesThePauseOutAfterFiveSecondsWithItsDefault() {
        String key = Developer.register().test();
        Reply reply = as(key, "POST", "/v1/pause", ask("sms", "+15005550009"));
        assertThat(reply.status()).isEqualTo(201);
        String id = reply.json().get("pause_id").asString();
        Instant expires = Instant.parse(reply.json().get("expires_at").asString());
        assertThat(Duration.between(Instant.parse(reply.json().get("created_at").asString()), expires))
                .isEqualTo(Duration.ofSeconds(5));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(pause(key, id).get("status").asString()).isEqualTo("timed_out"));
        JsonNode timedOut = pause(key, id);
        assertThat(timedOut.get("response_choice").asString()).isEqualTo("Hold");
        assertThat(timedOut.get("response_at").asString()).isEqualTo(expires.toString());
        assertThat(timedOut.get("expires_at").asString()).isEqualTo(expires.toString());
    }

    @Test
    void theFailingNumberFailsDeliveryAndKeepsTheMessageThatWouldHaveGoneOut() {
        String key = Developer.register().test();
        String id = created(key, ask("sms", "+15005550008"));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(pause(key, id).get("delivery").get("status").asString()).isEqualTo("failed"));
        JsonNode failed = pause(key, id);
        assertThat(failed.get("delivery").get("last_error").asString())
                .isEqualTo("test recipient: simulated delivery failure");
        assertThat(failed.get("delivery").get("sandbox_message").asString()).startsWith("[PausePoint] " + Developer.NAME + " asks: Deploy 4711?")
                .endsWith(failed.get("respond_url").asString());
        assertThat(failed.get("status").asString()).as("nobody answers it").isEqualTo("pending");
        JsonNode timeline = as(key, "GET", "/v1/deliveries?pause_id=" + id, null).json().get("notifications");
        assertThat(timeline).singleElement().satisfies(entry -> {
            assertThat(entry.get("status").asString()).isEqualTo("failed");
            assertThat(entry.get("error").asString()).isEqualTo("test recipient: simulated delivery failure");
        });
    }

    @Test
    void emailAndSlackTestRecipientsOnAPlanWithThoseChannelsAnswerAndFail() throws Exception {
        Developer developer = Developer.register();
        onPlan(developer, "pro");
        String email = created(developer.test(), ask("email", "Choose-1-After-1@TEST.pausepoint.dev"));
        String slack = created(developer.test(), ask("slack",
                "https://hooks.slack.com/services/PAUSEPOINT/TEST/fail"));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(pause(developer.test(), email).get("response_choice").asString()).isEqualTo("Deploy"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                pause(developer.test(), slack).get("delivery").get("status").asString()).isEqualTo("failed"));
    }

    @Test
    void inTestModeAnOptionThePauseLacksAndAnUnknownVerbAre422OnRecipient() {
        String key = Developer.register().test();
        Reply lacking = as(key, "POST", "/v1/pause", """
                {"channel": "sms", "recipient": "+15005550005", "message": "Deploy?", "options": ["Yes", "No"]}""");
        assertThat(lacking.status()).isEqualTo(422);
        assertThat(lacking.json().get("error").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(lacking.json().get("detail")).singleElement().satisfies(issue -> {
            assertThat(issue.get("field").asString()).isEqualTo("recipient");
            assertThat(issue.get("issue").asString()).isEqualTo(
                    "a test recipient choosing option 5 needs a pause with at least that many options; this one has 2");
        });

        for (String[] unknown : new String[][] {{"email", "approve@test.pausepoint.dev"},
                {"email", "timeout-after-4000@test.pausepoint.dev"},
                {"slack", "https://hooks.slack.com/services/PAUSEPOINT/TEST/approve"}}) {
            Reply refused = as(key, "POST", "/v1/pause", ask(unknown[0], unknown[1]));
            assertThat(refused.status()).as(unknown[1]).isEqualTo(422);
            assertThat(refused.json().get("detail")).singleElement().satisfies(issue ->
                    assertThat(issue.get("field").asString()).isEqualTo("recipient"));
        }
        assertThat(as(key, "GET", "/v1/pause", null).json().get("items")).as("nothing was created").isEmpty();
    }

    @Test
    void aLiveKeyTreatsATestNumberAsAnOrdinaryNumberWhoseDeliveryFailsAndNobodyAnswers() {
        Developer developer = Developer.register();
        String live = created(developer.live(), ask("sms", "+15005550001"));
        String test = created(developer.test(), ask("sms", "+15005550001"));

        // The test pause, created after the live one, is answered; the live one's time has passed as well.
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(pause(developer.test(), test).get("status").asString()).isEqualTo("responded"));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(pause(developer.live(), live).get("delivery").get("status").asString()).isEqualTo("failed"));
        JsonNode ordinary = pause(developer.live(), live);
        assertThat(ordinary.get("status").asString()).isEqualTo("pending");
        assertThat(ordinary.get("delivery").get("last_error").asString())
                .isNotEqualTo("test recipient: simulated delivery failure");
        assertThat(Duration.between(Instant.parse(ordinary.get("created_at").asString()),
                Instant.parse(ordinary.get("expires_at").asString()))).isEqualTo(Duration.ofHours(24));
    }

    /**
     * The answer is due work in the database, not a timer in a process: pause-service killed right after the
     * create, before the answer's time, gives it once started again.
     */
    @Test
    void anAnswerDueWhilePauseServiceIsDownIsGivenOnceItIsBack() {
        String key = Developer.register().test();
        String id = created(key, ask("sms", "+15005550001"));
        SystemStack.fleet().kill(Service.PAUSE);
        try {
            assertThat(as(key, "GET", "/v1/pause/" + id, null).status()).as("pause-service is down").isEqualTo(503);
        } finally {
            SystemStack.fleet().restart(Service.PAUSE);
            SystemStack.fleet().awaitHealthy(Duration.ofSeconds(240),
                    status -> System.out.println("waiting for pause-service: " + status));
        }
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(pause(key, id).get("response_choice").asString()).isEqualTo("Deploy"));
        JsonNode audit = as(key, "GET", "/v1/audit?pause_id=" + id + "&event_type=pause.responded", null).json();
        assertThat(audit.get("items")).as("answered once").hasSize(1);
    }

    /**
     * Puts the developer on {@code plan} in billing-service's database, before any call with their keys, so
     * the gateway's first resolution of a key reads it (a plan bought through Paddle: BillingSystemTest).
     */
    private static void onPlan(Developer developer, String plan) throws Exception {
        PostgresAccess postgres = TestInfrastructure.postgres();
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("billing_service"), postgres.username(),
                postgres.password());
                PreparedStatement update = db.prepareStatement("""
                        UPDATE developer SET plan = ? WHERE id = (SELECT developer_id FROM api_key
                            WHERE key_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex'))""")) {
            update.setString(1, plan);
            update.setString(2, developer.test());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
