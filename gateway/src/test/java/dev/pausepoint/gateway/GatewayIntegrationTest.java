package dev.pausepoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pausepoint.gateway.identity.CredentialCache;
import dev.pausepoint.testsupport.MutableClock;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.http.RawHttpConnection;
import dev.pausepoint.testsupport.spring.MutableClockConfiguration;
import dev.pausepoint.testsupport.spring.RealInfrastructure;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway on real Redis and Kafka with WireMock services behind it; subclasses share one context. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "pausepoint.internal-secret=" + TestSecrets.INTERNAL_SECRET,
        // Tests are the proxy: each names its own client address in X-Forwarded-For.
        "pausepoint.gateway.trusted-proxies=127.0.0.1/32,::1/128",
        "pausepoint.gateway.rate-limits.plans.pro.api-key=200"})
@RealInfrastructure
@Import(MutableClockConfiguration.class)
public abstract class GatewayIntegrationTest {

    protected static final String LIVE_KEY = DownstreamStubs.LIVE_KEY;
    protected static final String TEST_KEY = DownstreamStubs.TEST_KEY;
    protected static final String SESSION = DownstreamStubs.SESSION;
    protected static final String DEVELOPER = DownstreamStubs.DEVELOPER;
    protected static final String ACCOUNT_NAME = DownstreamStubs.ACCOUNT_NAME;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Every address handed out so far in this JVM (198.19.0.0/16, which no test names by hand). */
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        DownstreamStubs.register(registry);
    }

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected ReactiveStringRedisTemplate redis;

    @BeforeEach
    void resetStubs() {
        DownstreamStubs.reset();
        // Requests without X-Forwarded-For all come from loopback (::1 counts as its /64); each test starts
        // with its windows empty.
        redis.keys("rl:*:127.0.0.1").concatWith(redis.keys("rl:*:0:0:0:0:0:0:0:0/64"))
                .flatMap(redis::delete).blockLast(java.time.Duration.ofSeconds(5));
    }

    @AfterEach
    void thawClock() {
        clock.thaw();
    }

    protected static HttpResponse<String> call(int port, String method, String path, String... headers) {
        return GatewayHttp.send(port, method, path, BodyPublishers.noBody(), headers);
    }

    protected static HttpResponse<String> call(int port, String method, String path, BodyPublisher body,
            String... headers) {
        return GatewayHttp.send(port, method, path, body, headers);
    }

    protected static WireMockServer stubs(String service) {
        return DownstreamStubs.SERVERS.get(service);
    }

    protected static int lookups() {
        return DownstreamStubs.lookups();
    }

    protected static void knowCredential(String token, String mode, String plan, String kind) {
        DownstreamStubs.knowCredential(token, DEVELOPER, mode, plan, kind);
    }

    protected static void knowCredential(String token, String developerId, String mode, String plan, String kind) {
        DownstreamStubs.knowCredential(token, developerId, mode, plan, kind);
    }

    protected static void forgetCredential(String token) {
        DownstreamStubs.forgetCredential(token);
    }

    protected static String sha256(String token) {
        return DownstreamStubs.sha256(token);
    }

    /** The service URLs of the stubs, for a second gateway started by hand. */
    protected static Map<String, String> downstreamProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        DownstreamStubs.SERVERS.forEach((name, server) ->
                properties.put("pausepoint.services." + name, "http://localhost:" + server.port()));
        return properties;
    }

    /**
     * Asserts that {@code response} is the error envelope with this status and code, and a request id the
     * client can quote; returns its body.
     */
    protected static JsonNode envelope(RawHttpConnection.Response response, int status, String error) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asString()).isEqualTo(error);
        assertThat(body.get("status_code").asInt()).isEqualTo(status);
        assertThat(body.get("message").asString()).isNotBlank();
        assertThat(response.header("x-request-id")).as("the refusal can be quoted like any answer").isNotBlank();
        return body;
    }

    /** Until revocations are known to reach an instance, it caches nothing (see CredentialCache). */
    public static void awaitKeyCacheInUse(ApplicationContext gateway) {
        CredentialCache cache = gateway.getBean(CredentialCache.class);
        await().atMost(Duration.ofSeconds(30)).until(cache::inUse);
    }

    /**
     * A client address no other request of this JVM has used, so its rate-limit windows start empty. A
     * random one from a /24 met an earlier test's windows often enough to fail a run now and then.
     */
    protected static String newClientAddress() {
        int n = CLIENTS.incrementAndGet();
        return "198.19." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }
}
