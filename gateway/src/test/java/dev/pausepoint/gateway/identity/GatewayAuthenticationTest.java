package dev.pausepoint.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.events.account.ApiKeyRotated;
import dev.pausepoint.events.account.PlanChanged;
import dev.pausepoint.gateway.AnotherGateway;
import dev.pausepoint.gateway.GatewayIntegrationTest;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.testsupport.TestSecrets;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

class GatewayAuthenticationTest extends GatewayIntegrationTest {

    private static final RequestSigner SIGNER = new RequestSigner(TestSecrets.INTERNAL_SECRET);

    @Autowired
    KafkaTemplate<String, Event> kafka;

    @Autowired
    ApplicationContext context;

    private HttpResponse<String> getPause(int gatewayPort, String authorization) {
        return authorization == null ? call(gatewayPort, "GET", "/v1/pause/psr_1")
                : call(gatewayPort, "GET", "/v1/pause/psr_1", "Authorization", authorization);
    }

    private static void assertInvalidApiKey(HttpResponse<String> reply) {
        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(reply.body()).startsWith("{\"error\":\"INVALID_API_KEY\",\"message\":\"").endsWith("\"status_code\":401}");
    }

    private static List<LoggedRequest> forwardedToPauseService() {
        return stubs("pause-service").findAll(WireMock.anyRequestedFor(WireMock.anyUrl()));
    }

    @Test
    void missingMalformedOrUnknownKeysAreRefusedBeforeAnyServiceIsCalled() {
        assertInvalidApiKey(getPause(port, null));
        assertInvalidApiKey(getPause(port, "Bearer pp_live_short"));
        assertInvalidApiKey(getPause(port, "Basic " + LIVE_KEY));
        assertInvalidApiKey(getPause(port, "Bearer pp_live_" + "0".repeat(48)));
        assertThat(forwardedToPauseService()).isEmpty();
    }

    @Test
    void liveAndTestKeysForwardTheirDevelopersSignedIdentity() {
        assertThat(getPause(port, "Bearer " + LIVE_KEY).statusCode()).isEqualTo(200);
        assertThat(getPause(port, "bearer " + TEST_KEY).statusCode()).as("scheme is case-insensitive").isEqualTo(200);
        List<LoggedRequest> forwarded = forwardedToPauseService();
        CallerIdentity live = SIGNER.verifyIdentity(forwarded.get(0)::getHeader, "GET", "/v1/pause/psr_1");
        CallerIdentity test = SIGNER.verifyIdentity(forwarded.get(1)::getHeader, "GET", "/v1/pause/psr_1");
        assertThat(live).isEqualTo(new CallerIdentity(DEVELOPER, KeyMode.LIVE, "free", CredentialKind.API_KEY,
                "127.0.0.1", ACCOUNT_NAME));
        assertThat(test.mode()).isEqualTo(KeyMode.TEST);
        assertThat(test.plan()).isEqualTo("starter");
    }

    @Test
    void aSessionActsInTheWorldItsModeHeaderNamesLiveByDefault() {
        assertThat(getPause(port, "Bearer " + SESSION).statusCode()).isEqualTo(200);
        assertThat(call(port, "GET", "/v1/pause/psr_1", "Authorization", "Bearer " + SESSION,
                "PausePoint-Mode", "test").statusCode()).isEqualTo(200);
        assertThat(call(port, "GET", "/v1/auth/me", "Authorization", "Bearer " + SESSION).statusCode()).isEqualTo(200);
        List<LoggedRequest> forwarded = forwardedToPauseService();
        CallerIdentity live = SIGNER.verifyIdentity(forwarded.get(0)::getHeader, "GET", "/v1/pause/psr_1");
        CallerIdentity test = SIGNER.verifyIdentity(forwarded.get(1)::getHeader, "GET", "/v1/pause/psr_1");
        assertThat(live).isEqualTo(new CallerIdentity(DEVELOPER, KeyMode.LIVE, "free", CredentialKind.SESSION,
                "127.0.0.1", ACCOUNT_NAME));
        assertThat(test).isEqualTo(new CallerIdentity(DEVELOPER, KeyMode.TEST, "free", CredentialKind.SESSION,
                "127.0.0.1", ACCOUNT_NAME));
        assertThat(forwarded.get(1).getHeader("PausePoint-Mode")).as("the header is the gateway's to read")
                .isNull();
        LoggedRequest me = stubs("billing-service").findAll(WireMock.getRequestedFor(WireMock.urlEqualTo("/v1/auth/me"))).get(0);
        assertThat(SIGNER.verifyIdentity(me::getHeader, "GET", "/v1/auth/me").credential())
                .isEqualTo(CredentialKind.SESSION);
    }

    @Test
    void aModeHeaderThatIsNotLiveOrTestOrNamesAnotherKeysWorldIsRefusedBeforeAnyService() {
        HttpResponse<String> bad = call(port, "GET", "/v1/pause/psr_1", "Authorization", "Bearer " + SESSION,
                "PausePoint-Mode", "sandbox");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("\"error\":\"VALIDATION_ERROR\"").contains("\"field\":\"PausePoint-Mode\"");
        HttpResponse<String> otherWorld = call(port, "GET", "/v1/pause/psr_1", "Authorization", "Bearer " + LIVE_KEY,
                "PausePoint-Mode", "test");
        assertThat(otherWorld.statusCode()).isEqualTo(403);
        assertThat(otherWorld.body()).startsWith("{\"error\":\"KEY_MODE_NOT_ALLOWED\"");
        assertInvalidApiKey(call(port, "GET", "/v1/pause/psr_1", "PausePoint-Mode", "test"));
        assertThat(forwardedToPauseService()).isEmpty();
    }

    @Test
    void aRepeatedBadModeIsHeldToTheAddresssUnauthenticatedWindow() {
        String address = "198.51.100.201";
        for (int i = 0; i < 100; i++) {
            assertThat(call(port, "GET", "/v1/pause/psr_1", "Authorization", "Bearer " + LIVE_KEY,
                    "PausePoint-Mode", "sandbox", "X-Forwarded-For", address).statusCode()).as("request " + (i + 1))
                    .isEqualTo(422);
        }
        HttpResponse<String> refused = call(port, "GET", "/v1/pause/psr_1", "Authorization", "Bearer " + LIVE_KEY,
                "PausePoint-Mode", "sandbox", "X-Forwarded-For", address);
        assertThat(refused.statusCode()).as("the 101st, over the 100 a minute of unauthenticated requests")
                .isEqualTo(429);
        assertThat(refused.body()).startsWith("{\"error\":\"RATE_LIMITED\"");
        assertThat(forwardedToPauseService()).isEmpty();
    }

    @Test
    void aKeyIsLookedUpOnceAndThenServedFromTheCache() {
        awaitKeyCacheInUse(context);
        int before = lookups();
        for (int i = 0; i < 5; i++) {
            assertThat(getPause(port, "Bearer " + LIVE_KEY).statusCode()).isEqualTo(200);
        }
        assertThat(lookups() - before).isLessThanOrEqualTo(1);
    }

    @Test
    void aRotatedKeyIsRefusedWithinOneSecondOnEveryGatewayInstance() throws Exception {
        String key = "pp_live_" + "d".repeat(48);
        knowCredential(key, "live", "free", "api_key");
        try (ConfigurableApplicationContext second = AnotherGateway.start()) {
            int secondPort = AnotherGateway.port(second);
            awaitKeyCacheInUse(context);
            awaitKeyCacheInUse(second);
            assertThat(getPause(port, "Bearer " + key).statusCode()).isEqualTo(200);
            assertThat(getPause(secondPort, "Bearer " + key).statusCode()).isEqualTo(200);

            forgetCredential(key);
            assertThat(getPause(port, "Bearer " + key).statusCode())
                    .as("without the event the cache still holds the key: eviction is event-driven").isEqualTo(200);

            kafka.send("account.events.v1", DEVELOPER, new ApiKeyRotated(EventIds.newEventId(),
                    EventIds.now(Clock.systemUTC()), 1, DEVELOPER, "live", sha256(key), "pp_live_eeee", "127.0.0.1")).get();
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                assertInvalidApiKey(getPause(port, "Bearer " + key));
                assertInvalidApiKey(getPause(secondPort, "Bearer " + key));
            });
        }
    }

    @Test
    void aPlanChangeIsSeenOnTheNextRequest() throws Exception {
        String key = "pp_live_" + "f".repeat(48);
        knowCredential(key, "live", "free", "api_key");
        awaitKeyCacheInUse(context);
        assertThat(getPause(port, "Bearer " + key).statusCode()).isEqualTo(200);
        knowCredential(key, "live", "starter", "api_key");
        kafka.send("account.events.v1", DEVELOPER, new PlanChanged(EventIds.newEventId(),
                EventIds.now(Clock.systemUTC()), 1, DEVELOPER, "free", "starter")).get();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            stubs("pause-service").resetRequests();
            assertThat(getPause(port, "Bearer " + key).statusCode()).isEqualTo(200);
            LoggedRequest forwarded = forwardedToPauseService().get(0);
            assertThat(SIGNER.verifyIdentity(forwarded::getHeader, "GET", "/v1/pause/psr_1").plan()).isEqualTo("starter");
        });
    }

    @Test
    void credentialsOnPublicRoutesAreIgnored() {
        int before = lookups();
        HttpResponse<String> reply = call(port, "POST", "/v1/auth/register", BodyPublishers.ofString("{}"),
                "Content-Type", "application/json", "Authorization", "Bearer pp_live_" + "0".repeat(48));
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(lookups()).isEqualTo(before);
    }

}
