package dev.pausepoint.pause;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedServiceTest;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.spring.RealInfrastructure;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** pause-service on real Postgres and Kafka, called as the gateway would call it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "pausepoint.internal-secret=" + TestSecrets.INTERNAL_SECRET)
@RealInfrastructure
public abstract class PauseApiTest extends SignedServiceTest {

    /** billing-service, as far as pause-service needs it: the quota reservation. */
    protected static final WireMockServer BILLING = new WireMockServer(options().dynamicPort());

    static {
        BILLING.start();
        Runtime.getRuntime().addShutdownHook(new Thread(BILLING::stop));
    }

    @DynamicPropertySource
    static void billing(DynamicPropertyRegistry registry) {
        registry.add("pausepoint.services.billing-service", () -> "http://localhost:" + BILLING.port());
    }

    @BeforeEach
    void setUpClient() {
        BILLING.resetAll();
        BILLING.stubFor(post(urlPathMatching("/internal/usage/(reserve|release)"))
                .willReturn(okJson("{\"pauses_used\":1,\"pauses_limit\":50}")));
    }

    /** A fresh developer on {@code plan}, calling with a key of {@code mode}. */
    protected static CallerIdentity developer(String plan, KeyMode mode) {
        return new CallerIdentity("dev_" + UUID.randomUUID(), mode, plan, CredentialKind.API_KEY, "203.0.113.5");
    }

    protected static CallerIdentity sameDeveloper(CallerIdentity caller, KeyMode mode) {
        return new CallerIdentity(caller.developerId(), mode, caller.plan(), caller.credential(), caller.clientIp());
    }

    protected static final String SMS_PAUSE = """
            {"recipient": "+1 (415) 555-0123", "channel": "sms", "message": "Deploy v2.3 to production?",
             "options": ["Approve", "Reject"], "timeout_default": "Reject", "metadata": {"run_id": "r-42"}}""";

    /** The human's answer ("Approve"), recorded as response-service records it. */
    protected Reply respond(String pauseId) {
        return client.internalPost("/internal/pauses/" + pauseId + "/response",
                "{\"choice\":\"Approve\",\"text\":null,\"actor_ip\":\"1.1.1.1\",\"user_agent\":\"test\"}",
                "response-service");
    }

    protected Reply create(CallerIdentity caller, String json) {
        return client.postJson("/v1/pause", json, caller);
    }

    protected String createdId(CallerIdentity caller, String json) {
        Reply reply = create(caller, json);
        if (reply.status() != 201) {
            throw new AssertionError("create failed: " + reply.status() + " " + reply.body());
        }
        return reply.json().get("pause_id").asString();
    }
}
