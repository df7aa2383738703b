package dev.pausepoint.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.billing.BillingApiTest;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.testsupport.PaddleNotifications;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** An instance without Paddle credentials sells nothing, but still takes Paddle's signed notifications. */
@TestPropertySource(properties = "pausepoint.billing.paddle.api-key=")
class BillingNotConfiguredTest extends BillingApiTest {

    @Test
    void everyBillingCallButTheWebhookIsBillingNotConfigured() {
        Account account = register();
        int paddleCalls = PADDLE.getAllServeEvents().size();
        for (Reply reply : new Reply[] {client.postJson("/v1/billing/checkout", "{\"plan\": \"starter\"}", account.live()),
                client.get("/v1/billing/subscription", account.live())}) {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().get("error").asString()).isEqualTo("BILLING_NOT_CONFIGURED");
            assertThat(reply.json().get("message").asString()).contains("PADDLE_API_KEY");
        }
        assertThat(PADDLE.getAllServeEvents()).as("Paddle is never called").hasSize(paddleCalls);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> values = PaddleNotifications.values(account.developerId(), "sub_unconfigured000000000001",
                STARTER_PRICE, now, now, now.plus(Duration.ofDays(30)));
        String body = PaddleNotifications.body("subscription.created", values);
        Reply webhook = client.send("POST", "/v1/billing/webhook", "application/json", body, ANONYMOUS,
                "Paddle-Signature", PaddleNotifications.signed(body, PaddleNotifications.SECRET, now).signature());
        assertThat(webhook.status()).as(webhook.body()).isEqualTo(200);
        assertThat(webhook.json().get("outcome").asString()).isEqualTo("applied");
    }

    /** The plans' limits hold on any instance, so they are listed here too; only nothing is for sale. */
    @Test
    void thePlansAreListedWithNoneSold() {
        Reply reply = client.get("/v1/billing/plans", register().session());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(PlansApiTest.PLANS.replace("\"sold\":true", "\"sold\":false"));
    }
}
