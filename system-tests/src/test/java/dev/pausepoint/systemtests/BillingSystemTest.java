package dev.pausepoint.systemtests;

import static dev.pausepoint.systemtests.Developer.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.systemtests.Http.Reply;
import dev.pausepoint.testsupport.PaddleNotifications;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Plan changes from Paddle through the gateway to billing, and on to the next pause created. */
@Order(6)
class BillingSystemTest {

    private static final String EMAIL_PAUSE = """
            {"recipient": "ops@example.com", "channel": "email", "message": "Approve the refund?",
             "options": ["Yes", "No"]}""";

    private static final String LONG_SMS_PAUSE = """
            {"recipient": "+14155550123", "channel": "sms", "message": "Wait for the weekly review?",
             "options": ["Yes", "No"], "timeout_hours": 100}""";

    /** Hours between creation and expiry of a test-key pause asking for 100 (capped by the plan). */
    private static long cappedHours(Developer developer) {
        JsonNode created = as(developer.test(), "POST", "/v1/pause", LONG_SMS_PAUSE).json();
        return Duration.between(Instant.parse(created.get("created_at").asString()),
                Instant.parse(created.get("expires_at").asString())).toHours();
    }

    private static Reply notifyPaddle(String type, Map<String, String> values) {
        String body = PaddleNotifications.body(type, values);
        return Http.send("POST", "/v1/billing/webhook", BodyPublishers.ofString(body), "Content-Type", "application/json",
                "Paddle-Signature", PaddleNotifications.signed(body, PaddleNotifications.SECRET, Instant.now()).signature());
    }

    private static JsonNode me(Developer developer) {
        return as(developer.live(), "GET", "/v1/auth/me", null).json();
    }

    @Test
    void anUpgradeBySubscriptionAppliesToTheNextPauseAndACancellationEndsWithThePaidPeriod() {
        Developer developer = Developer.register();
        Reply refused = as(developer.live(), "POST", "/v1/pause", EMAIL_PAUSE);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(cappedHours(developer)).as("free caps timeouts at 24 h").isEqualTo(24);
        assertThat(refused.json().get("error").asString()).isEqualTo("CHANNEL_NOT_ALLOWED");

        String developerId = me(developer).get("developer_id").asString();
        String subscription = "sub_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26);
        Instant start = Instant.now();
        // Paid until a few seconds from now, so the end of the period comes within the test.
        Instant periodEnd = start.plus(Duration.ofSeconds(6));
        Reply created = notifyPaddle("subscription.created", PaddleNotifications.values(developerId, subscription,
                SystemStack.STARTER_PRICE, start, start, periodEnd));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("outcome").asString()).isEqualTo("applied");

        // The gateway drops its cached key on plan.changed; right after, email is allowed.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(as(developer.live(), "POST", "/v1/pause", EMAIL_PAUSE).status()).isEqualTo(201));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(cappedHours(developer)).as("starter allows up to 168 h").isEqualTo(100));
        JsonNode usage = me(developer).get("usage");
        assertThat(me(developer).get("plan").asString()).isEqualTo("starter");
        assertThat(usage.get("pauses_limit").asInt()).isEqualTo(500);
        assertThat(usage.get("pauses_used").asInt()).isEqualTo(1);

        Reply canceled = notifyPaddle("subscription.canceled", PaddleNotifications.values(developerId, subscription,
                SystemStack.STARTER_PRICE, Instant.now(), start, periodEnd));
        assertThat(canceled.json().get("outcome").asString()).isEqualTo("applied");
        assertThat(me(developer).get("plan").asString()).as("still paid for").isEqualTo("starter");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(me(developer).get("plan").asString()).isEqualTo("free");
            assertThat(as(developer.live(), "POST", "/v1/pause", EMAIL_PAUSE).status()).isEqualTo(403);
        });
        assertThat(Instant.now()).as("not before the paid period ended").isAfter(periodEnd);
    }
}
