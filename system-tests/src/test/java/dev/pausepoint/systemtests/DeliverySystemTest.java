package dev.pausepoint.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.pausepoint.systemtests.Developer.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.systemtests.Http.Reply;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Notifications and webhooks end to end: gateway, pause-service, delivery-service, Kafka between them. */
@Order(4)
class DeliverySystemTest {

    private static final String SECRET = "whsec-system-test-0123456789";
    private static final WireMockServer RECEIVER = new WireMockServer(options().dynamicPort());

    @BeforeAll
    static void startReceiver() {
        RECEIVER.start();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    @Test
    void aTestKeyPauseShowsItsSandboxMessageAndItsCancelIsPostedSignedToTheWebhook() throws Exception {
        Developer developer = Developer.register();
        String path = "/hooks/" + UUID.randomUUID();
        String hook = "http://" + SystemStack.RECEIVER_HOST + ":" + RECEIVER.port() + path;
        RECEIVER.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        Reply webhook = as(developer.test(), "POST", "/v1/webhooks",
                "{\"url\": \"" + hook + "\", \"secret\": \"" + SECRET + "\", \"events\": [\"pause.cancelled\"]}");
        assertThat(webhook.status()).isEqualTo(201);
        String webhookId = webhook.json().get("webhook_id").asString();

        Reply created = as(developer.test(), "POST", "/v1/pause", """
                {"recipient": "+14155550123", "channel": "sms", "message": "Ship it?", "options": ["Yes", "No"]}""");
        String pauseId = created.json().get("pause_id").asString();
        String respondUrl = created.json().get("respond_url").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                as(developer.test(), "GET", "/v1/pause/" + pauseId, null).json().get("delivery").get("status").asString())
                .isEqualTo("sandbox"));
        JsonNode delivery = as(developer.test(), "GET", "/v1/pause/" + pauseId, null).json().get("delivery");
        assertThat(delivery.get("sandbox_message").asString())
                .isEqualTo("[PausePoint] " + Developer.NAME + " asks: Ship it?\n\nRespond here: " + respondUrl);

        assertThat(as(developer.test(), "DELETE", "/v1/pause/" + pauseId, null).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(RECEIVER.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(1));
        LoggedRequest post = RECEIVER.findAll(postRequestedFor(urlEqualTo(path))).get(0);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(post.getHeader("X-PausePoint-Signature"))
                .isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(post.getBody())));
        assertThat(post.getHeader("X-PausePoint-Event")).isEqualTo("pause.cancelled");
        assertThat(post.getBodyAsString()).contains("\"pause_id\":\"" + pauseId + "\"").contains("\"livemode\":false");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                as(developer.test(), "GET", "/v1/webhooks/" + webhookId + "/deliveries", null).json().get("items"))
                .singleElement().satisfies(attempt -> assertThat(attempt.get("status_code").asInt()).isEqualTo(200)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                as(developer.test(), "GET", "/v1/audit?event_type=webhook.created", null).json().get("items"))
                .hasSize(1));
        assertThat(as(developer.live(), "GET", "/v1/webhooks", null).json().get("items")).as("the live world").isEmpty();
    }

    @Test
    void webhookUrlsOnPrivateAddressesAreRefusedAtTheGatewaysDoor() {
        Reply reply = as(Developer.register().live(), "POST", "/v1/webhooks",
                "{\"url\": \"https://169.254.169.254/latest/meta-data/\", \"secret\": \"" + SECRET + "\"}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail").get(0).get("issue").asString()).isEqualTo("must resolve only to public addresses");
    }

    @Test
    void providerCallbacksNeedNoApiKeyButAnUnsignedOneIsRefused() {
        for (String path : List.of("/v1/providers/twilio/status", "/v1/providers/sendgrid/events")) {
            boolean twilio = path.contains("twilio");
            Reply reply = Http.send("POST", path, BodyPublishers.ofString(twilio ? "MessageSid=SM1&MessageStatus=delivered"
                    : "[{\"event\": \"delivered\"}]"), "Content-Type",
                    twilio ? "application/x-www-form-urlencoded" : "application/json");
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(reply.json().get("error").asString()).isEqualTo("INVALID_CREDENTIALS");
        }
    }
}
