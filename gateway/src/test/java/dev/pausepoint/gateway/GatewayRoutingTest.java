package dev.pausepoint.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.gateway.identity.AccessPolicy;
import dev.pausepoint.gateway.identity.AccessPolicy.Access;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.testsupport.TestSecrets;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpMethod;

class GatewayRoutingTest extends GatewayIntegrationTest {

    private static final RequestSigner SIGNER = new RequestSigner(TestSecrets.INTERNAL_SECRET);

    @LocalManagementPort
    int managementPort;

    private static int forwardedCount() {
        return DownstreamStubs.SERVERS.values().stream()
                .mapToInt(server -> server.findAll(anyRequestedFor(anyUrl())).size()).sum();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "POST, /v1/auth/register, billing-service",
            "GET, /v1/auth/me, billing-service",
            "POST, /v1/billing/checkout, billing-service",
            "POST, /v1/billing/webhook, billing-service",
            "GET, /reset-password?token=abc, billing-service",
            "POST, /v1/pause, pause-service",
            "GET, /v1/pause/psr_1?wait=5, pause-service",
            "DELETE, /v1/pause/psr_1, pause-service",
            "GET, /v1/audit?limit=5, pause-service",
            "POST, /v1/webhooks, delivery-service",
            "GET, /v1/webhooks/whk_1/deliveries, delivery-service",
            "POST, /v1/providers/twilio/status, delivery-service",
            "POST, /v1/providers/sendgrid/events, delivery-service",
            "GET, /respond/tok.sig, response-service",
            "GET, /v1/respond/tok.sig, response-service",
            "POST, /v1/respond/tok.sig, response-service",
            "POST, /mcp, mcp-server",
            "DELETE, /mcp, mcp-server"})
    void everyPublicPathReachesTheServiceThatOwnsIt(String method, String path, String service) {
        HttpResponse<String> reply = GatewayHttp.send(port, method, path, BodyPublishers.ofString("{}"),
                "Content-Type", "application/json", "Authorization", "Bearer " + DownstreamStubs.LIVE_KEY);
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"served_by\":\"" + service + "\"}");
        List<LoggedRequest> received = DownstreamStubs.SERVERS.get(service).findAll(anyRequestedFor(anyUrl()))
                .stream().filter(request -> !request.getUrl().startsWith("/internal/")).toList();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getUrl()).isEqualTo(path);
        assertThat(received.get(0).getHeader("X-Request-Id"))
                .isEqualTo(reply.headers().firstValue("X-Request-Id").orElseThrow());
        LoggedRequest forwarded = received.get(0);
        CallerIdentity caller = SIGNER.verifyIdentity(forwarded::getHeader, method, path.split("\\?")[0]);
        assertThat(caller.clientIp()).isEqualTo("127.0.0.1");
        Access access = AccessPolicy.classify(HttpMethod.valueOf(method), path.split("\\?")[0]);
        boolean protectedRoute = access == Access.CREDENTIAL;
        assertThat(caller.authenticated()).as("credential forwarded only where the route needs one")
                .isEqualTo(protectedRoute);
        if (protectedRoute) {
            assertThat(caller.developerId()).isEqualTo(DownstreamStubs.DEVELOPER);
        }
    }

    /** The MCP server calls the API back with the caller's own key, so every plan rule and limit applies to it. */
    @Test
    void onlyTheMcpServerGetsTheCallersKey() {
        HttpResponse<String> reply = GatewayHttp.send(port, "POST", "/mcp", BodyPublishers.ofString("{}"),
                "Content-Type", "application/json", "Authorization", "Bearer " + DownstreamStubs.LIVE_KEY);
        assertThat(reply.statusCode()).isEqualTo(200);
        LoggedRequest forwarded = DownstreamStubs.SERVERS.get("mcp-server").findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(forwarded.getHeader("Authorization")).isEqualTo("Bearer " + DownstreamStubs.LIVE_KEY);
        assertThat(SIGNER.verifyIdentity(forwarded::getHeader, "POST", "/mcp").developerId())
                .isEqualTo(DownstreamStubs.DEVELOPER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/mcp/x", "/mcpx", "/v1/mcp"})
    void theMcpServerServesOneEndpoint(String path) {
        HttpResponse<String> reply = GatewayHttp.send(port, "POST", path, BodyPublishers.ofString("{}"),
                "Content-Type", "application/json", "Authorization", "Bearer " + DownstreamStubs.LIVE_KEY);
        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(DownstreamStubs.SERVERS.values().stream()
                .flatMap(server -> server.findAll(anyRequestedFor(anyUrl())).stream())
                .filter(request -> !request.getUrl().startsWith("/internal/")))
                .as("nothing forwarded but the key's lookup").isEmpty();
    }

    @Test
    void theMcpEndpointWithoutAKeyIsRefusedAtTheGateway() {
        HttpResponse<String> reply = GatewayHttp.send(port, "POST", "/mcp", BodyPublishers.ofString("{}"),
                "Content-Type", "application/json");
        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(reply.body()).contains("\"error\":\"INVALID_API_KEY\"");
        assertThat(forwardedCount()).isZero();
    }

    @Test
    void identityHeadersAClientSendsNeverReachAService() {
        HttpResponse<String> reply = GatewayHttp.send(port, "GET", "/v1/pause/psr_1", BodyPublishers.noBody(),
                "Authorization", "Bearer " + DownstreamStubs.LIVE_KEY, "X-PausePoint-Developer", "dev_someone_else", "X-PausePoint-Mode", "live",
                "x-pausepoint-plan", "enterprise", "X-PausePoint-Identity-Signature", "00ff",
                "X-PausePoint-Internal-Caller", "billing-service", "X-PausePoint-Account-Name", "Someone%20Else");
        assertThat(reply.statusCode()).isEqualTo(200);
        LoggedRequest forwarded = DownstreamStubs.SERVERS.get("pause-service").findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(forwarded.getHeader("X-PausePoint-Developer")).as("the key's developer, not the client's claim")
                .isEqualTo(DownstreamStubs.DEVELOPER);
        assertThat(forwarded.getHeader("X-PausePoint-Plan")).isEqualTo("free");
        assertThat(forwarded.getHeader("X-PausePoint-Internal-Caller")).isNull();
        assertThat(SIGNER.verifyIdentity(forwarded::getHeader, "GET", "/v1/pause/psr_1").developerId())
                .isEqualTo(DownstreamStubs.DEVELOPER);
        assertThat(forwarded.getHeader("X-PausePoint-Account-Name")).as("percent-encoded, ASCII only")
                .isEqualTo("Zo%C3%AB%20%26%20Co%20%F0%9F%9A%80");
        assertThat(SIGNER.verifyIdentity(forwarded::getHeader, "GET", "/v1/pause/psr_1").accountName())
                .as("billing's name, not the client's claim").isEqualTo(DownstreamStubs.ACCOUNT_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/pause/psr_1", "/v1/auth/me", "/v1/respond/tok.sig", "/v1/providers/twilio/status"})
    void theCallersCredentialNeverReachesAService(String path) {
        HttpResponse<String> reply = GatewayHttp.send(port, "POST", path, BodyPublishers.ofString("{}"),
                "Content-Type", "application/json", "Authorization", "Bearer " + DownstreamStubs.LIVE_KEY);
        assertThat(reply.statusCode()).isEqualTo(200);
        List<LoggedRequest> forwarded = DownstreamStubs.SERVERS.values().stream()
                .flatMap(server -> server.findAll(anyRequestedFor(anyUrl())).stream())
                .filter(request -> !request.getUrl().startsWith("/internal/")).toList();
        assertThat(forwarded).singleElement().satisfies(request -> {
            assertThat(request.getHeader("Authorization")).as("the signed identity stands in for it").isNull();
            assertThat(request.getBodyAsString()).isEqualTo("{}");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/pauses/psr_1", "/actuator/health", "/actuator/prometheus", "/readyz", "/livez",
            "/v1/pausex", "/v1", "/"})
    void pathsOutsideTheContractAreNotFoundAndNeverForwarded(String path) {
        HttpResponse<String> reply = GatewayHttp.get(port, path);
        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo(
                "{\"error\":\"NOT_FOUND\",\"message\":\"No endpoint GET " + path + ".\",\"status_code\":404}");
        assertThat(forwardedCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/pause/../internal/pauses", "/v1/pause/%2e%2e/internal/pauses",
            "/v1/pause/..%2Finternal", "/v1/pause/.", "/v1/pause//x", "/v1/pause/x;jsessionid=1",
            "/v1/pause/%5c..%5cinternal"})
    void pathsAServiceWouldReadDifferentlyAreRefused(String path) {
        HttpResponse<String> reply = GatewayHttp.get(port, path);
        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(reply.body()).contains("\"error\":\"NOT_FOUND\"");
        assertThat(forwardedCount()).isZero();
    }

    /**
     * A refusal before routing completes synchronously, while the connection may still hold the next
     * request. Reactor Netty 1.3.6 then stopped reading that connection now and again, and the client's
     * next request on it hung (once in a few dozen rounds), so this runs many rounds.
     */
    @Test
    void aConnectionKeepsServingRequestsAfterARefusedPath() throws Exception {
        for (int round = 0; round < 150; round++) {
            try (KeepAliveConnection connection = new KeepAliveConnection(port,
                    "198.18.0." + (round + 1), Duration.ofSeconds(3))) {
                assertThat(connection.get("/internal/pauses/psr_1").status()).isEqualTo(404);
                assertThat(connection.get("/v1/pause/../internal/pauses").status()).isEqualTo(404);
                KeepAliveConnection.Response after = connection.get("/v1/nothing-here");
                assertThat(after.status()).as("round %d", round).isEqualTo(404);
                assertThat(after.closing()).isFalse();
            }
        }
        assertThat(forwardedCount()).isZero();
    }

    @Test
    void wrongMethodOnTheGatewaysOwnPathIsMethodNotAllowed() {
        HttpResponse<String> reply = GatewayHttp.send(port, "POST", "/health", BodyPublishers.noBody());
        assertThat(reply.statusCode()).isEqualTo(405);
        assertThat(reply.body()).isEqualTo("{\"error\":\"METHOD_NOT_ALLOWED\",\"message\":\"Method POST is not "
                + "allowed on /health; allowed: GET.\",\"status_code\":405}");
    }

    @Test
    void bodyOverTheLimitIsRefusedBeforeItIsForwarded() {
        HttpResponse<String> reply = GatewayHttp.send(port, "POST", "/v1/pause",
                BodyPublishers.ofString("{\"message\":\"" + "x".repeat(100 * 1024) + "\"}"),
                "Content-Type", "application/json", "Authorization", "Bearer " + DownstreamStubs.LIVE_KEY);
        assertThat(reply.statusCode()).isEqualTo(413);
        assertThat(reply.body()).isEqualTo("{\"error\":\"PAYLOAD_TOO_LARGE\",\"message\":\"Request body is larger "
                + "than the limit of 64 KB.\",\"status_code\":413}");
        assertThat(forwardedCount()).isZero();
    }

    @Test
    void healthIsOkWhenEveryServiceIsReady() {
        HttpResponse<String> reply = GatewayHttp.get(port, "/health");
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"status\":\"ok\",\"services\":{\"billing-service\":\"ok\","
                + "\"delivery-service\":\"ok\",\"pause-service\":\"ok\",\"response-service\":\"ok\"}}");
    }

    @Test
    void healthIs503NamingTheServiceThatIsNotReady() {
        DownstreamStubs.SERVERS.get("pause-service").stubFor(get(urlEqualTo("/readyz"))
                .willReturn(aResponse().withStatus(503).withBody("{\"status\":\"OUT_OF_SERVICE\"}")));
        HttpResponse<String> reply = GatewayHttp.get(port, "/health");
        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo("{\"status\":\"degraded\",\"services\":{\"billing-service\":\"ok\","
                + "\"delivery-service\":\"ok\",\"pause-service\":\"down\",\"response-service\":\"ok\"}}");
    }

    @Test
    void serviceErrorsPassThroughUnchanged() {
        String envelope = "{\"error\":\"PAUSE_NOT_FOUND\",\"message\":\"No pause psr_9.\",\"status_code\":404}";
        DownstreamStubs.SERVERS.get("pause-service").stubFor(get(urlEqualTo("/v1/pause/psr_9"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(envelope)));
        HttpResponse<String> reply = GatewayHttp.send(port, "GET", "/v1/pause/psr_9", BodyPublishers.noBody(),
                "Authorization", "Bearer " + DownstreamStubs.LIVE_KEY);
        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo(envelope);
    }

    @Test
    void prometheusIsServedOnTheManagementPortOnly() {
        HttpResponse<String> scrape = GatewayHttp.get(managementPort, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes{").contains("application=\"gateway\"");
        assertThat(GatewayHttp.get(port, "/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(forwardedCount()).isZero();
    }
}
