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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    /**
     * The same developer with their dashboard session, in the world it selects ({@code PausePoint-Mode};
     * the gateway signs that mode and the credential kind).
     */
    protected static CallerIdentity session(CallerIdentity caller, KeyMode mode) {
        return new CallerIdentity(caller.developerId(), mode, caller.plan(), CredentialKind.SESSION, caller.clientIp());
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

    /**
     * {@code count} pauses of one developer and world written straight to the table, for a test that needs
     * many: {@code channel} and {@code status} as given (with what the table asks of that status), created
     * at {@code createdAt}. They expire a day from now, whenever they were created, so that the sweeper
     * leaves a pending one pending.
     */
    protected static void seedPauses(JdbcClient jdbc, String developerId, boolean livemode, int count, String channel,
            String status, Instant createdAt) {
        Timestamp created = Timestamp.from(createdAt);
        jdbc.sql("""
                INSERT INTO pause (id, developer_id, livemode, status, channel, recipient, message, options,
                                   allow_text_response, created_at, expires_at, response_choice, response_at,
                                   cancelled_at)
                SELECT 'psr_' || gen_random_uuid(), :developer, :livemode, :status, :channel, 'seeded', 'seeded',
                       '["yes","no"]', false, CAST(:created AS timestamptz), now() + interval '1 day',
                       CASE WHEN :status = 'responded' THEN 'yes' END,
                       CASE WHEN :status = 'responded' THEN CAST(:created AS timestamptz) END,
                       CASE WHEN :status = 'cancelled' THEN CAST(:created AS timestamptz) END
                FROM generate_series(1, :count)""")
                .params(Map.of("developer", developerId, "livemode", livemode, "status", status, "channel", channel,
                        "created", created, "count", count))
                .update();
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
