package dev.pausepoint.systemtests;

import static dev.pausepoint.systemtests.Developer.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.systemtests.Http.Reply;
import dev.pausepoint.testsupport.PaddleNotifications;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the OpenAPI document called at least once through the gateway, with a success and
 * a typical refusal, so each is validated against the document (through {@link Http}) even where no
 * other test reaches it (docs/openapi.md).
 */
class OpenApiEveryOperationSystemTest {

    private static final String PASSWORD = "a long enough password";

    @Test
    void everyDocumentedOperationAnswersAsTheDocumentSays() {
        String email = "openapi-" + UUID.randomUUID() + "@example.com";
        Reply registered = Http.postJson("/v1/auth/register",
                "{\"email\":\"" + email + "\",\"name\":\"O\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(registered.status()).isEqualTo(201);
        String live = registered.json().get("api_key").asString();
        String test = registered.json().get("test_api_key").asString();
        String developerId = registered.json().get("developer_id").asString();
        assertThat(Http.postJson("/v1/auth/register", "{\"email\":\"" + email + "\",\"name\":\"O\",\"password\":\""
                + PASSWORD + "\"}").status()).isEqualTo(409);

        Reply login = Http.postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(login.status()).isEqualTo(200);
        String session = login.json().get("session_token").asString();
        assertThat(Http.postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"wrong password!\"}")
                .status()).isEqualTo(401);

        assertThat(as(live, "GET", "/v1/auth/me", null).status()).isEqualTo(200);
        assertThat(Http.get("/v1/auth/me").status()).isEqualTo(401);
        assertThat(as(test, "GET", "/v1/auth/me", null, "PausePoint-Mode", "live").status()).isEqualTo(403);
        assertThat(as(session, "GET", "/v1/auth/me", null, "PausePoint-Mode", "both").status()).isEqualTo(422);

        Reply rotated = as(session, "POST", "/v1/auth/keys/rotate", "{\"key_type\": \"test\"}");
        assertThat(rotated.status()).isEqualTo(200);
        test = rotated.json().get("api_key").asString();
        assertThat(as(test, "POST", "/v1/auth/keys/rotate", "{\"key_type\": \"live\"}").status()).isEqualTo(403);

        assertThat(Http.postJson("/v1/auth/password-reset", "{\"email\":\"" + email + "\"}").status()).isEqualTo(202);
        assertThat(Http.postJson("/v1/auth/password-reset", "{}").status()).isEqualTo(422);
        assertThat(Http.postJson("/v1/auth/password-reset/confirm", "{\"token\":\"ppr_nothing\",\"password\":\""
                + PASSWORD + "\"}").status()).isEqualTo(400);
        assertThat(Http.get("/reset-password?token=ppr_nothing").status()).isEqualTo(200);
        assertThat(form("/reset-password", "token=ppr_nothing&password=short").status()).isEqualTo(422);

        Reply created = as(test, "POST", "/v1/pause", """
                {"recipient": "+14155550123", "channel": "sms", "message": "Ship it?", "options": ["Yes", "No"],
                 "timeout_default": "No", "metadata": {"build": 42}}""", "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(created.status()).isEqualTo(201);
        String pauseId = created.json().get("pause_id").asString();
        String respondUrl = created.json().get("respond_url").asString();
        String token = respondUrl.substring(respondUrl.lastIndexOf('/') + 1);
        assertThat(as(test, "POST", "/v1/pause", "{\"channel\": \"fax\"}").status()).isEqualTo(400);
        assertThat(as(test, "POST", "/v1/pause", "{\"recipient\": \"x@example.com\", \"channel\": \"email\","
                + " \"message\": \"M\", \"options\": [\"A\", \"B\"]}").status()).isEqualTo(403);
        assertThat(as(test, "GET", "/v1/pause/" + pauseId, null).status()).isEqualTo(200);
        assertThat(as(test, "GET", "/v1/pause/psr_" + UUID.randomUUID(), null).status()).isEqualTo(404);
        assertThat(as(test, "GET", "/v1/pause?status=pending&limit=5", null).status()).isEqualTo(200);
        assertThat(as(test, "GET", "/v1/pause?limit=0", null).status()).isEqualTo(422);

        assertThat(Http.get("/v1/respond/" + token).status()).isEqualTo(200);
        assertThat(Http.get("/v1/respond/not-a-token").status()).isEqualTo(400);
        assertThat(Http.get("/respond/" + token).status()).isEqualTo(200);
        assertThat(Http.send("HEAD", "/respond/" + token, BodyPublishers.noBody()).status()).isEqualTo(200);
        assertThat(form("/respond/" + token, "choice=Yes&nonce=forged").status()).isEqualTo(403);
        Reply answered = Http.postJson("/v1/respond/" + token, "{\"choice\": \"Yes\", \"text\": \"fine\"}");
        assertThat(answered.status()).isEqualTo(200);
        Reply again = Http.postJson("/v1/respond/" + token, "{\"choice\": \"Yes\"}");
        assertThat(again.status()).isEqualTo(410);
        assertThat(Http.get("/v1/respond/" + token).status()).isEqualTo(410);
        assertThat(as(test, "GET", "/v1/pause/" + pauseId, null).status()).isEqualTo(200);
        assertThat(as(test, "DELETE", "/v1/pause/" + pauseId, null).status()).isEqualTo(409);
        Reply second = as(test, "POST", "/v1/pause", """
                {"recipient": "+14155550123", "channel": "sms", "message": "Cancel me", "options": ["A", "B"]}""");
        assertThat(as(test, "DELETE", "/v1/pause/" + second.json().get("pause_id").asString(), null).status())
                .isEqualTo(200);

        Reply webhook = as(test, "POST", "/v1/webhooks", "{\"url\": \"http://" + SystemStack.RECEIVER_HOST
                + ":9/openapi\", \"secret\": \"openapi-secret-0123456789\"}");
        assertThat(webhook.status()).isEqualTo(201);
        String webhookId = webhook.json().get("webhook_id").asString();
        assertThat(as(test, "POST", "/v1/webhooks", "{\"url\": \"ftp://example.com\"}").status()).isEqualTo(422);
        assertThat(as(test, "GET", "/v1/webhooks", null).status()).isEqualTo(200);
        assertThat(as(test, "POST", "/v1/webhooks/" + webhookId + "/test", null).status()).isEqualTo(202);
        assertThat(as(test, "GET", "/v1/webhooks/" + webhookId + "/deliveries?limit=5", null).status()).isEqualTo(200);
        assertThat(as(test, "GET", "/v1/webhooks/whk_" + UUID.randomUUID() + "/deliveries", null).status())
                .isEqualTo(404);
        assertThat(as(test, "DELETE", "/v1/webhooks/" + webhookId, null).status()).isEqualTo(204);
        assertThat(as(test, "DELETE", "/v1/webhooks/" + webhookId, null).status()).isEqualTo(404);
        assertThat(as(test, "POST", "/v1/webhooks/" + webhookId + "/test", null).status()).isEqualTo(404);

        assertThat(as(test, "GET", "/v1/deliveries?pause_id=" + pauseId, null).status()).isEqualTo(200);
        assertThat(as(test, "GET", "/v1/deliveries", null).status()).isEqualTo(422);
        assertThat(Http.send("POST", "/v1/providers/twilio/status", BodyPublishers.ofString("MessageSid=SM1"),
                "Content-Type", "application/x-www-form-urlencoded").status()).isEqualTo(401);
        assertThat(Http.postJson("/v1/providers/sendgrid/events", "[]").status()).isEqualTo(401);

        assertThat(as(test, "GET", "/v1/billing/plans", null).status()).isEqualTo(200);
        assertThat(as(test, "POST", "/v1/billing/checkout", "{\"plan\": \"starter\"}").status()).isEqualTo(403);
        assertThat(as(live, "POST", "/v1/billing/checkout", "{\"plan\": \"starter\"}").status()).isEqualTo(200);
        assertThat(as(live, "POST", "/v1/billing/checkout", "{\"plan\": \"free\"}").status()).isEqualTo(422);
        assertThat(as(live, "GET", "/v1/billing/subscription", null).status()).isEqualTo(200);
        Instant now = Instant.now();
        String notification = PaddleNotifications.body("subscription.created", PaddleNotifications.values(developerId,
                "sub_openapi" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                SystemStack.STARTER_PRICE, now, now, now.plusSeconds(30 * 86400)));
        assertThat(Http.send("POST", "/v1/billing/webhook", BodyPublishers.ofString(notification), "Content-Type",
                "application/json", "Paddle-Signature", PaddleNotifications.signed(notification,
                        PaddleNotifications.SECRET, now).signature()).status()).isEqualTo(200);
        assertThat(Http.postJson("/v1/billing/webhook", notification).status()).isEqualTo(401);
        assertThat(as(live, "GET", "/v1/billing/subscription", null).status()).isEqualTo(200);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(as(test, "GET", "/v1/audit?limit=50", null).status()).isEqualTo(200);
        assertThat(as(test, "GET", "/v1/audit?limit=500", null).status()).isEqualTo(422);
        assertThat(as(test, "GET", "/v1/audit/export?from_date=" + today + "&to_date=" + today, null).status())
                .isEqualTo(200);
        assertThat(as(test, "GET", "/v1/audit/export?from_date=" + today + "&to_date=" + today + "&format=csv", null)
                .status()).isEqualTo(200);
        assertThat(as(test, "GET", "/v1/audit/export", null).status()).isEqualTo(422);
        assertThat(as(test, "GET", "/v1/stats/pauses?days=7", null).status()).isEqualTo(200);
        assertThat(as(test, "GET", "/v1/stats/pauses?days=0", null).status()).isEqualTo(422);

        assertThat(as(live, "POST", "/v1/auth/logout", null).status()).isEqualTo(403);
        assertThat(as(session, "POST", "/v1/auth/logout", null).status()).isEqualTo(204);

        assertThat(Http.get("/health").status()).isEqualTo(200);
        Reply document = Http.get("/v1/openapi.json");
        assertThat(document.status()).isEqualTo(200);
        assertThat(Http.send("GET", "/v1/openapi.json", BodyPublishers.noBody(), "If-None-Match",
                document.header("ETag")).status()).isEqualTo(304);
        Reply page = Http.get("/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'none'; script-src 'self';");
        assertThat(page.body()).as("the page loads nothing from another origin").doesNotContain("http://", "https://");
        assertThat(Http.get("/docs/swagger-ui.css").status()).isEqualTo(200);
        assertThat(Http.get("/docs/nothing.js").status()).isEqualTo(404);
        assertThat(Http.send("DELETE", "/v1/openapi.json", BodyPublishers.noBody()).status()).isEqualTo(405);

        assertThat(OpenApiDocument.SEEN).as("documented operations this test reached")
                .containsAll(OpenApiDocument.committed().operations());
    }

    private static Reply form(String path, String body) {
        return Http.send("POST", path, BodyPublishers.ofString(body), "Content-Type",
                "application/x-www-form-urlencoded");
    }
}
