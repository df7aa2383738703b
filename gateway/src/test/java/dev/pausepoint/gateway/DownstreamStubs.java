package dev.pausepoint.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One WireMock server per downstream service, answering every request with the service's name, so a
 * test can see which service a path reached. Started once per JVM.
 */
final class DownstreamStubs {

    static final List<String> SERVICE_NAMES = List.of("billing-service", "delivery-service", "pause-service",
            "response-service", "mcp-server");
    static final Map<String, WireMockServer> SERVERS = new LinkedHashMap<>();

    static {
        for (String name : SERVICE_NAMES) {
            WireMockServer server = new WireMockServer(options().dynamicPort());
            server.start();
            SERVERS.put(name, server);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SERVERS.values().forEach(WireMockServer::stop)));
    }

    /** Credentials the stubbed billing-service knows. */
    static final String LIVE_KEY = "pp_live_" + "a".repeat(48);
    static final String TEST_KEY = "pp_test_" + "b".repeat(48);
    static final String SESSION = "pps_" + "c".repeat(48);
    static final String DEVELOPER = "dev_00000000-0000-4000-8000-000000000001";

    private DownstreamStubs() {
    }

    static WireMockServer billing() {
        return SERVERS.get("billing-service");
    }

    /** The name every known credential's account registered with: not ASCII, so its header must be encoded. */
    static final String ACCOUNT_NAME = "Zoë & Co 🚀";

    /** Makes billing-service answer the credential lookup for {@code token}. */
    static void knowCredential(String token, String developerId, String mode, String plan, String kind) {
        billing().stubFor(post(urlEqualTo("/internal/credentials/lookup"))
                .withRequestBody(matchingJsonPath("$.credential_hash", equalTo(sha256(token))))
                .willReturn(okJson("{\"developer_id\":\"" + developerId + "\",\"mode\":\"" + mode + "\",\"plan\":\""
                        + plan + "\",\"credential\":\"" + kind + "\",\"account_name\":\"" + ACCOUNT_NAME + "\"}")));
    }

    /** Makes billing-service answer that {@code token} is unknown, as after a rotation. */
    static void forgetCredential(String token) {
        billing().stubFor(post(urlEqualTo("/internal/credentials/lookup"))
                .withRequestBody(matchingJsonPath("$.credential_hash", equalTo(sha256(token))))
                .willReturn(aResponse().withStatus(404)));
    }

    static int lookups() {
        return billing().findAll(postRequestedFor(urlEqualTo("/internal/credentials/lookup"))).size();
    }

    static String sha256(String token) {
        return dev.pausepoint.identity.CredentialHash.of(token);
    }

    static void reset() {
        SERVERS.forEach((name, server) -> {
            server.resetAll();
            server.stubFor(any(anyUrl()).willReturn(okJson("{\"served_by\":\"" + name + "\"}")));
            server.stubFor(get(urlEqualTo("/readyz")).willReturn(okJson("{\"status\":\"UP\"}")));
        });
        billing().stubFor(post(urlEqualTo("/internal/credentials/lookup")).willReturn(aResponse().withStatus(404)));
        knowCredential(LIVE_KEY, DEVELOPER, "live", "free", "api_key");
        knowCredential(TEST_KEY, DEVELOPER, "test", "starter", "api_key");
        knowCredential(SESSION, DEVELOPER, "live", "free", "session");
    }

    static void register(DynamicPropertyRegistry registry) {
        SERVERS.forEach((name, server) ->
                registry.add("pausepoint.services." + name, () -> "http://localhost:" + server.port()));
    }
}
