package dev.pausepoint.delivery.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.delivery.DeliveryApiTest;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.webhook.WebhookCreated;
import dev.pausepoint.events.webhook.WebhookDeleted;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.kit.SignedClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * docs/api-reference.md, "Webhooks": registering, listing and removing endpoints, and what registration
 * refuses.
 */
class WebhookApiTest extends DeliveryApiTest {

    private static final String SECRET = "whsec-0123456789abcdef";

    private Reply register(CallerIdentity caller, String url) {
        return client.postJson("/v1/webhooks", """
                {"url": "%s", "secret": "%s"}""".formatted(url, SECRET), caller);
    }

    @Test
    void registersListsAndDeletesAnEndpoint() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String url = receiver("/hooks/" + UUID.randomUUID());

        Reply created = register(caller, url);

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("webhook_id").asString();
        assertThat(id).matches("whk_[0-9a-f-]{36}");
        assertThat(body.get("url").asString()).isEqualTo(url);
        assertThat(body.get("events").toString()).isEqualTo("[\"pause.responded\",\"pause.timed_out\",\"pause.cancelled\"]");
        assertThat(body.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(body.has("secret")).isFalse();

        Reply listed = client.get("/v1/webhooks", caller);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("items")).hasSize(1);
        assertThat(listed.json().get("items").get(0)).isEqualTo(body);

        assertThat(client.send("DELETE", "/v1/webhooks/" + id, null, null, caller).status()).isEqualTo(204);
        assertThat(client.get("/v1/webhooks", caller).json().get("items")).isEmpty();
        Reply again = client.send("DELETE", "/v1/webhooks/" + id, null, null, caller);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("error").asString()).isEqualTo("WEBHOOK_NOT_FOUND");
    }

    @Test
    void registrationAndRemovalAreAnnouncedForTheAuditLogWithoutTheSecret() {
        CallerIdentity caller = developer(KeyMode.TEST);
        String id = register(caller, receiver("/hooks/audit")).json().get("webhook_id").asString();
        client.send("DELETE", "/v1/webhooks/" + id, null, null, caller);

        WebhookCreated created = EventReader.first(Topics.WEBHOOK_EVENTS, WebhookCreated.class,
                e -> e.webhookId().equals(id));
        assertThat(created.developerId()).isEqualTo(caller.developerId());
        assertThat(created.livemode()).isFalse();
        assertThat(created.url()).isEqualTo(receiver("/hooks/audit"));
        assertThat(created.actorIp()).isEqualTo("203.0.113.5");
        assertThat(created.toString()).doesNotContain(SECRET);
        WebhookDeleted deleted = EventReader.first(Topics.WEBHOOK_EVENTS, WebhookDeleted.class,
                e -> e.webhookId().equals(id));
        assertThat(deleted.developerId()).isEqualTo(caller.developerId());
    }

    @Test
    void theSigningSecretIsStoredSealed() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        String id = register(caller, receiver("/hooks/sealed")).json().get("webhook_id").asString();

        String stored = jdbc.sql("SELECT secret_encrypted FROM webhook_endpoint WHERE id = ?").param(id)
                .query(String.class).single();

        assertThat(stored).startsWith("v1.").doesNotContain(SECRET);
    }

    @Test
    void anEndpointCanAskForSomeEventsOnly() {
        CallerIdentity caller = developer(KeyMode.LIVE);

        Reply created = client.postJson("/v1/webhooks", """
                {"url": "%s", "secret": "%s", "events": ["pause.cancelled", "pause.responded", "pause.cancelled"]}"""
                .formatted(receiver("/hooks/some"), SECRET), caller);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("events").toString()).isEqualTo("[\"pause.responded\",\"pause.cancelled\"]");
    }

    @Test
    void everyFieldProblemIsReportedAtOnce() {
        Reply reply = client.postJson("/v1/webhooks", """
                {"url": 5, "events": ["pause.created"], "secret": "too-short"}""", developer(KeyMode.LIVE));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("error").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.json().get("detail").toString())
                .contains("{\"field\":\"url\",\"issue\":\"must be a string\"}")
                .contains("{\"field\":\"events\",\"issue\":\"must be a non-empty array of pause.responded, pause.timed_out, pause.cancelled,"
                        + " pause.reminded, pause.escalated\"}")
                .contains("{\"field\":\"secret\",\"issue\":\"must be 16 to 256 characters\"}");
        assertThat(client.postJson("/v1/webhooks", "{}", developer(KeyMode.LIVE)).json().get("detail")).hasSize(2);
    }

    @Test
    void anotherDevelopersOrTheOtherWorldsEndpointIsNotFound() {
        CallerIdentity owner = developer(KeyMode.LIVE);
        String id = register(owner, receiver("/hooks/mine")).json().get("webhook_id").asString();

        for (CallerIdentity stranger : List.of(developer(KeyMode.LIVE), sameDeveloper(owner, KeyMode.TEST))) {
            assertThat(client.get("/v1/webhooks", stranger).json().get("items")).isEmpty();
            Reply deliveries = client.get("/v1/webhooks/" + id + "/deliveries", stranger);
            assertThat(deliveries.status()).isEqualTo(404);
            assertThat(deliveries.json().get("error").asString()).isEqualTo("WEBHOOK_NOT_FOUND");
            assertThat(client.send("DELETE", "/v1/webhooks/" + id, null, null, stranger).status()).isEqualTo(404);
        }
        assertThat(client.get("/v1/webhooks", owner).json().get("items")).hasSize(1);
        assertThat(client.get("/v1/webhooks/whk_not-a-uuid/deliveries", owner).status()).isEqualTo(404);
    }

    @Test
    void aDeveloperHasAtMostTwentyEndpointsPerMode() {
        CallerIdentity caller = developer(KeyMode.LIVE);
        for (int i = 0; i < 20; i++) {
            assertThat(register(caller, receiver("/hooks/many/" + i)).status()).isEqualTo(201);
        }

        Reply tooMany = register(caller, receiver("/hooks/many/20"));

        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("message").asString()).contains("at most 20 webhook endpoints");
        assertThat(register(sameDeveloper(caller, KeyMode.TEST), receiver("/hooks/many/test")).status()).isEqualTo(201);
    }

    @Test
    void withoutAnApiKeyTheWebhookApiAnswers401() {
        Reply reply = client.get("/v1/webhooks", CallerIdentity.anonymous("203.0.113.5"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asString()).isEqualTo("INVALID_API_KEY");
    }

    /**
     * Each SSRF case of the issue, aimed where it would land on this machine (WireMock's TLS port on
     * loopback) wherever that is possible: refused with the reason, and nothing is ever contacted.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1:{tls}/ssrf/loopback",
            "https://10.0.0.1/ssrf/private",
            "https://169.254.169.254/latest/meta-data/",
            "https://[::1]:{tls}/ssrf/loopback-v6",
            "https://[fd00::1]/ssrf/unique-local",
            "https://[::ffff:127.0.0.1]:{tls}/ssrf/mapped",
            "https://localhost:{tls}/ssrf/name-resolving-to-loopback",
            "https://100.64.0.1/ssrf/cgnat",
            "https://224.0.0.1/ssrf/multicast",
            "https://0.0.0.0:{tls}/ssrf/unspecified",
            "https://2130706433:{tls}/ssrf/decimal-loopback"})
    void registrationRefusesNonPublicDestinations(String template) {
        String url = template.replace("{tls}", String.valueOf(OUTSIDE.httpsPort()));

        Reply reply = register(developer(KeyMode.LIVE), url);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail").toString())
                .contains("{\"field\":\"url\",\"issue\":\"must resolve only to public addresses\"}");
        OUTSIDE.verify(0, anyRequestedFor(urlPathMatching("/ssrf/.*")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8/hook", "ftp://8.8.8.8/hook", "https://user:pass@8.8.8.8/hook",
            "/relative/hook", "not a url"})
    void registrationRefusesWhatIsNotAPlainHttpsUrl(String url) {
        Reply reply = register(developer(KeyMode.LIVE), url);

        assertThat(reply.status()).isEqualTo(422);
        List<String> issues = new ArrayList<>();
        reply.json().get("detail").forEach(issue -> issues.add(issue.get("field").asString() + " "
                + issue.get("issue").asString()));
        assertThat(issues).singleElement().asString().startsWith("url must");
    }
}
