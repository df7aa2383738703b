package dev.pausepoint.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedServiceTest;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.testsupport.MutableClock;
import dev.pausepoint.testsupport.PaddleNotifications;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.spring.MutableClockConfiguration;
import dev.pausepoint.testsupport.spring.RealInfrastructure;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * billing-service on real Postgres and Kafka, called as the gateway would call it, with SendGrid and
 * Paddle replaced by local WireMock servers. bcrypt runs at cost 10, the contract's minimum, to keep the
 * suite quick.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "pausepoint.internal-secret=" + TestSecrets.INTERNAL_SECRET,
        "pausepoint.accounts.bcrypt-cost=10",
        "pausepoint.sendgrid.api-key=SG.test-key",
        "pausepoint.sendgrid.from-email=no-reply@pausepoint.test",
        "pausepoint.billing.paddle.api-key=" + BillingApiTest.PADDLE_API_KEY,
        "pausepoint.billing.paddle.webhook-secrets=" + PaddleNotifications.SECRET,
        "pausepoint.billing.paddle.prices.starter=" + BillingApiTest.STARTER_PRICE,
        "pausepoint.billing.paddle.prices.pro=" + BillingApiTest.PRO_PRICE,
        "pausepoint.billing.paddle.entitlement-sweep-interval=100ms"})
@RealInfrastructure
@Import(MutableClockConfiguration.class)
public abstract class BillingApiTest extends SignedServiceTest {

    protected static final String PADDLE_API_KEY = "pdl_sdbx_apikey_01hv8h_test";
    protected static final String STARTER_PRICE = "pri_01hv8gs0starter0000000000";
    protected static final String PRO_PRICE = "pri_01hv8gs0pro0000000000000000";

    protected static final WireMockServer SENDGRID = new WireMockServer(options().dynamicPort());
    protected static final WireMockServer PADDLE = new WireMockServer(options().dynamicPort());

    static {
        SENDGRID.start();
        PADDLE.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SENDGRID.stop();
            PADDLE.stop();
        }));
    }

    @DynamicPropertySource
    static void outside(DynamicPropertyRegistry registry) {
        registry.add("pausepoint.sendgrid.base-url", () -> "http://localhost:" + SENDGRID.port());
        registry.add("pausepoint.billing.paddle.base-url", () -> "http://localhost:" + PADDLE.port());
    }

    @Autowired
    protected MutableClock clock;

    /** The real bcrypt encoder, watched, so a test can prove a path spends no hashing time. */
    @MockitoSpyBean
    protected PasswordEncoder passwords;

    @AfterEach
    void thawClock() {
        clock.thaw();
    }

    protected static final CallerIdentity ANONYMOUS = CallerIdentity.anonymous("203.0.113.9");

    @BeforeEach
    void setUpClient() {
        SENDGRID.resetAll();
        SENDGRID.stubFor(post(urlEqualTo("/v3/mail/send"))
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "msg-1")));
    }

    /** A registered account: its id, email, password and both keys. */
    protected record Account(String developerId, String email, String password, String liveKey, String testKey) {
        public CallerIdentity live() {
            return new CallerIdentity(developerId, KeyMode.LIVE, "free", CredentialKind.API_KEY, "203.0.113.9");
        }

        public CallerIdentity test() {
            return new CallerIdentity(developerId, KeyMode.TEST, "free", CredentialKind.API_KEY, "203.0.113.9");
        }

        /** The dashboard's credential, as the gateway names it after resolving a session token. */
        public CallerIdentity session() {
            return new CallerIdentity(developerId, KeyMode.LIVE, "free", CredentialKind.SESSION, "203.0.113.9");
        }

        /** The same session sent into the test world ({@code PausePoint-Mode: test}, the dashboard's test view). */
        public CallerIdentity testSession() {
            return new CallerIdentity(developerId, KeyMode.TEST, "free", CredentialKind.SESSION, "203.0.113.9");
        }
    }

    protected static String uniqueEmail() {
        return "dev-" + UUID.randomUUID() + "@example.com";
    }

    protected Account register() {
        String email = uniqueEmail();
        String password = "correct horse battery";
        Reply reply = client.postJson("/v1/auth/register",
                "{\"email\":\"" + email + "\",\"name\":\"Ada\",\"password\":\"" + password + "\"}", ANONYMOUS);
        if (reply.status() != 201) {
            throw new AssertionError("registration failed: " + reply.status() + " " + reply.body());
        }
        return new Account(reply.json().get("developer_id").asString(), email, password,
                reply.json().get("api_key").asString(), reply.json().get("test_api_key").asString());
    }

    /** The error envelope with {@code status} and {@code code}. */
    protected static void assertError(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("error").asString()).isEqualTo(code);
    }

    protected Reply lookup(String kind, String hash) {
        return client.internalPost("/internal/credentials/lookup",
                "{\"kind\":\"" + kind + "\",\"credential_hash\":\"" + hash + "\"}", "gateway");
    }
}
