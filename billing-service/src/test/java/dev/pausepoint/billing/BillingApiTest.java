package dev.pausepoint.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.kit.SignedClient;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.spring.RealInfrastructure;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * billing-service on real Postgres and Kafka, called as the gateway would call it, with SendGrid
 * replaced by a local WireMock. bcrypt runs at cost 10, api.md's minimum, to keep the suite quick.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "pausepoint.internal-secret=" + TestSecrets.INTERNAL_SECRET,
        "pausepoint.accounts.bcrypt-cost=10",
        "pausepoint.sendgrid.api-key=SG.test-key",
        "pausepoint.sendgrid.from-email=no-reply@pausepoint.test"})
@RealInfrastructure
public abstract class BillingApiTest {

    protected static final WireMockServer SENDGRID = new WireMockServer(options().dynamicPort());

    static {
        SENDGRID.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SENDGRID::stop));
    }

    @DynamicPropertySource
    static void sendGrid(DynamicPropertyRegistry registry) {
        registry.add("pausepoint.sendgrid.base-url", () -> "http://localhost:" + SENDGRID.port());
    }

    protected static final CallerIdentity ANONYMOUS = CallerIdentity.anonymous("203.0.113.9");

    @LocalServerPort
    int port;

    @Autowired
    RequestSigner signer;

    protected SignedClient client;

    @BeforeEach
    void setUpClient() {
        client = new SignedClient(port, signer);
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

    protected Reply lookup(String kind, String hash) {
        return client.internalPost("/internal/credentials/lookup",
                "{\"kind\":\"" + kind + "\",\"credential_hash\":\"" + hash + "\"}", "gateway");
    }
}
