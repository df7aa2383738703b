package dev.pausepoint.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.gateway.GatewayIntegrationTest;
import dev.pausepoint.identity.TrustHeaders;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.embedded.EmbeddedKafkaServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.ApplicationContext;

/**
 * Key revocation stays safe with the broker stopped: once the account-events consumer has had no broker
 * answer for {@code broker-contact-timeout} (10 s), no revocation event can be trusted to arrive, so every
 * key is looked up in billing-service and nothing is kept; when the broker is back the cache starts empty.
 */
class KeyCacheWithKafkaDownTest extends GatewayIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CredentialCache cache;

    @LocalManagementPort
    int managementPort;

    private static String newKey() {
        return "pp_live_" + UUID.randomUUID().toString().replace("-", "") + "0".repeat(16);
    }

    private HttpResponse<String> getPause(String key) {
        return call(port, "GET", "/v1/pause/psr_1", "Authorization", "Bearer " + key);
    }

    private HttpResponse<String> accountEventsHealth() {
        return call(managementPort, "GET", "/actuator/health/account-events");
    }

    @Test
    void withTheBrokerStoppedEveryKeyIsLookedUpAndTheCacheStartsEmptyWhenItIsBack() {
        EmbeddedKafkaServer kafka = TestInfrastructure.stoppableKafka();
        awaitKeyCacheInUse(context);
        assertThat(accountEventsHealth().statusCode()).isEqualTo(200);
        String revoked = newKey();
        String kept = newKey();
        knowCredential(revoked, "live", "free", "api_key");
        knowCredential(kept, "live", "free", "api_key");
        assertThat(getPause(revoked).statusCode()).isEqualTo(200);
        assertThat(getPause(kept).statusCode()).isEqualTo(200);
        int cachedLookups = lookups();
        assertThat(getPause(revoked).statusCode()).isEqualTo(200);
        assertThat(getPause(kept).statusCode()).isEqualTo(200);
        assertThat(lookups()).as("both keys are cached").isEqualTo(cachedLookups);

        kafka.stop();
        try {
            // Billing revokes one key and changes the other's plan; neither event can reach the gateway.
            forgetCredential(revoked);
            knowCredential(kept, "live", "starter", "api_key");
            await().atMost(Duration.ofSeconds(30)).until(() -> !cache.inUse());
            HttpResponse<String> health = accountEventsHealth();
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("bypassed");

            assertThat(getPause(revoked).statusCode()).as("the revoked key, at once").isEqualTo(401);
            int before = lookups();
            for (int i = 0; i < 3; i++) {
                assertThat(getPause(kept).statusCode()).isEqualTo(200);
            }
            assertThat(lookups() - before).as("every request looked up, nothing kept").isEqualTo(3);
        } finally {
            kafka.restart();
        }

        await().atMost(Duration.ofSeconds(60)).until(cache::inUse);
        assertThat(accountEventsHealth().statusCode()).isEqualTo(200);
        stubs("pause-service").resetRequests();
        int before = lookups();
        for (int i = 0; i < 3; i++) {
            assertThat(getPause(kept).statusCode()).isEqualTo(200);
        }
        assertThat(lookups() - before).as("looked up once more, then cached again").isEqualTo(1);
        List<LoggedRequest> forwarded = stubs("pause-service").findAll(WireMock.anyRequestedFor(WireMock.anyUrl()));
        assertThat(forwarded).extracting(request -> request.getHeader(TrustHeaders.PLAN))
                .as("what was cached before the outage was dropped").containsOnly("starter");
        assertThat(getPause(revoked).statusCode()).isEqualTo(401);
    }
}
