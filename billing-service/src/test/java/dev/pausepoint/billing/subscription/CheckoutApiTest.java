package dev.pausepoint.billing.subscription;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.billing.BillingApiTest;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.testsupport.PaddleNotifications;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckoutApiTest extends BillingApiTest {

    private static final String TRANSACTION = """
            {"data": {"id": "txn_01hv8m0000000000000000000", "status": "ready", "customer_id": null,
              "checkout": {"url": "https://pay.pausepoint.test/checkout?_ptxn=txn_01hv8m0000000000000000000"}},
             "meta": {"request_id": "req-1"}}""";

    @BeforeEach
    void paddleAcceptsTransactions() {
        PADDLE.resetAll();
        PADDLE.stubFor(post(urlEqualTo("/transactions")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(TRANSACTION)));
    }

    private Reply checkout(Account account, String json) {
        return client.postJson("/v1/billing/checkout", json, account.live());
    }

    private static void assertRejected(Reply reply, int status, String code, String fieldIssueContains) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("error").asString()).isEqualTo(code);
        if (fieldIssueContains != null) {
            assertThat(reply.json().get("detail").get(0).get("field").asString()).isEqualTo("plan");
            assertThat(reply.json().get("detail").get(0).get("issue").asString()).contains(fieldIssueContains);
        }
    }

    @Test
    void aCheckoutIsAPaddleTransactionForThePlansPriceLinkedToTheDeveloper() {
        Account account = register();
        Reply reply = checkout(account, "{\"plan\": \"starter\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("checkout_url").asString())
                .isEqualTo("https://pay.pausepoint.test/checkout?_ptxn=txn_01hv8m0000000000000000000");
        PADDLE.verify(1, postRequestedFor(urlEqualTo("/transactions"))
                .withHeader("Authorization", equalTo("Bearer " + PADDLE_API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Paddle-Version", equalTo("1"))
                .withRequestBody(equalToJson("""
                        {"items": [{"price_id": "%s", "quantity": 1}],
                         "custom_data": {"developer_id": "%s"}}""".formatted(STARTER_PRICE, account.developerId()))));
    }

    @Test
    void aSessionMayCheckOutTooAndAReturningCustomerKeepsTheirPaddleCustomer() {
        Account account = register();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> values = PaddleNotifications.values(account.developerId(), "sub_returning0000000000000001",
                STARTER_PRICE, now, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(10)));
        client.send("POST", "/v1/billing/webhook", "application/json",
                PaddleNotifications.body("subscription.canceled", values), ANONYMOUS, "Paddle-Signature",
                PaddleNotifications.signed(PaddleNotifications.body("subscription.canceled", values),
                        PaddleNotifications.SECRET, Instant.now()).signature());

        Reply reply = client.postJson("/v1/billing/checkout", "{\"plan\": \"pro\"}", account.session());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        PADDLE.verify(1, postRequestedFor(urlEqualTo("/transactions"))
                .withRequestBody(matchingJsonPath("$.items[0].price_id", equalTo(PRO_PRICE)))
                .withRequestBody(matchingJsonPath("$.customer_id", equalTo(values.get("customer_id")))));
    }

    /** The account pays, not the world: the dashboard's test view may buy a plan like its live view. */
    @Test
    void aSessionInTheTestWorldMayCheckOut() {
        Account account = register();
        Reply reply = client.postJson("/v1/billing/checkout", "{\"plan\": \"starter\"}", account.testSession());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        PADDLE.verify(1, postRequestedFor(urlEqualTo("/transactions"))
                .withRequestBody(matchingJsonPath("$.items[0].price_id", equalTo(STARTER_PRICE)))
                .withRequestBody(matchingJsonPath("$.custom_data.developer_id", equalTo(account.developerId()))));
    }

    @Test
    void onlyPlansSoldThroughCheckoutCanBeBought() {
        Account account = register();
        assertRejected(checkout(account, "{\"plan\": \"platinum\"}"), 422, "VALIDATION_ERROR", "must be one of: starter, pro");
        assertRejected(checkout(account, "{}"), 422, "VALIDATION_ERROR", "is required");
        assertRejected(checkout(account, "{\"plan\": \"free\"}"), 422, "VALIDATION_ERROR", "free needs no checkout");
        assertRejected(checkout(account, "{\"plan\": \"enterprise\"}"), 422, "VALIDATION_ERROR",
                "enterprise is not sold through checkout");
        assertRejected(checkout(account, "{\"plan\": 2}"), 422, "VALIDATION_ERROR", null);
        PADDLE.verify(0, postRequestedFor(urlEqualTo("/transactions")));
    }

    @Test
    void aTestKeyCannotStartAPaymentButMayReadTheSubscription() {
        Account account = register();
        Reply refused = client.postJson("/v1/billing/checkout", "{\"plan\": \"starter\"}", account.test());
        assertRejected(refused, 403, "KEY_MODE_NOT_ALLOWED", null);
        assertThat(refused.json().get("message").asString()).contains("test key");
        assertRejected(client.postJson("/v1/billing/checkout", "{\"plan\": \"platinum\"}", account.test()), 403,
                "KEY_MODE_NOT_ALLOWED", null);
        PADDLE.verify(0, postRequestedFor(urlEqualTo("/transactions")));

        Reply subscription = client.get("/v1/billing/subscription", account.test());
        assertThat(subscription.status()).as(subscription.body()).isEqualTo(200);
        assertThat(subscription.json().get("plan").asString()).isEqualTo("free");
    }

    @Test
    void anonymousCallersCannotCheckOut() {
        assertRejected(client.postJson("/v1/billing/checkout", "{\"plan\": \"starter\"}", ANONYMOUS), 401,
                "INVALID_API_KEY", null);
        assertRejected(client.get("/v1/billing/subscription", ANONYMOUS), 401, "INVALID_API_KEY", null);
    }

    @Test
    void paddleFailingIsARetryableServiceUnavailable() {
        Account account = register();
        PADDLE.stubFor(post(urlEqualTo("/transactions")).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\": {\"type\": \"api_error\", \"code\": \"internal_error\"}}")));
        Reply reply = checkout(account, "{\"plan\": \"starter\"}");
        assertRejected(reply, 503, "SERVICE_UNAVAILABLE", null);
        assertThat(reply.json().get("message").asString()).contains("Paddle answered HTTP 500");

        PADDLE.stubFor(post(urlEqualTo("/transactions")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"data\": {\"id\": \"txn_1\", \"checkout\": null}}")));
        assertThat(checkout(account, "{\"plan\": \"starter\"}").json().get("message").asString())
                .contains("Paddle returned no checkout URL");
    }
}
