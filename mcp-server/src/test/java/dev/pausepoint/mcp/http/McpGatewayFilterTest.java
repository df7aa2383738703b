package dev.pausepoint.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.client.PausePointClient;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.mcp.tools.ToolCall;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class McpGatewayFilterTest {

    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-characters";
    private static final RequestSigner SIGNER = new RequestSigner(SECRET);
    private static final String KEY = "pp_test_" + "a".repeat(48);

    private final WaitCancellations cancellations = new WaitCancellations();
    private final McpGatewayFilter filter = new McpGatewayFilter(SIGNER,
            PausePointClient.builder().baseUrl(URI.create("http://localhost:1")).build(), cancellations,
            new McpSessions(HttpServletStreamableServerTransportProvider.builder().build(), Clock.systemUTC(),
                    Duration.ofMinutes(30), 10),
            JsonMapper.builder().build());

    private static MockHttpServletRequest request(String method, CallerIdentity caller, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/mcp");
        if (caller != null) {
            SIGNER.signIdentity(caller, method, "/mcp").forEach(request::addHeader);
        }
        request.addHeader("Authorization", "Bearer " + KEY);
        request.addHeader("Mcp-Session-Id", "session-1");
        if (body != null) {
            request.setContent(body.getBytes(StandardCharsets.UTF_8));
            request.setContentType("application/json");
        }
        return request;
    }

    private static CallerIdentity keyOf(String developer) {
        return new CallerIdentity(developer, KeyMode.TEST, "free", CredentialKind.API_KEY, "203.0.113.5");
    }

    @Test
    void aRequestTheGatewayDidNotSignIsRefused() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request("POST", null, "{}"), response, chain);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("\"error\":\"INVALID_API_KEY\"")
                .contains("forwarded by the PausePoint gateway");
        assertThat(chain.getRequest()).as("the transport never saw it").isNull();
    }

    @Test
    void anotherSpellingOfTheEndpointMeetsTheSameCheck() throws Exception {
        MockHttpServletRequest request = request("POST", keyOf("dev_1"), "{}");
        request.setRequestURI("/mcp;p=1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).as("signed for /mcp, not for this path").isEqualTo(401);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aDashboardSessionIsRefusedForTheToolsActWithAnApiKey() throws Exception {
        CallerIdentity session = new CallerIdentity("dev_1", KeyMode.LIVE, "free", CredentialKind.SESSION, "203.0.113.5");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request("POST", session, "{}"), response, chain);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("takes an API key");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void thereIsNoStandingStream() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request("GET", keyOf("dev_1"), null), response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeader("Allow")).isEqualTo("POST, DELETE");
        assertThat(response.getContentAsString()).contains("\"error\":\"METHOD_NOT_ALLOWED\"");
    }

    @Test
    void aBodyLargerThanTheGatewayAllowsIsRefused() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request("POST", keyOf("dev_1"), " ".repeat(McpGatewayFilter.MAX_BODY + 1)), response, chain);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).isNull();
    }

    /** A toolcall's wait, registered as the tools register it, from the request the filter prepared. */
    private ToolCall toolCall(String developer, int requestId) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        // "initialize" is not adopted: the call under test needs no session from the transport.
        filter.doFilter(request("POST", keyOf(developer), """
                {"jsonrpc":"2.0","id":%d,"method":"initialize","params":{}}""".formatted(requestId)),
                new MockHttpServletResponse(), chain);
        return (ToolCall) chain.getRequest().getAttribute(HttpToolCall.CONTEXT_KEY);
    }

    private void cancel(String developer, Object requestId) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request("POST", keyOf(developer), """
                {"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":%s}}"""
                .formatted(requestId)), response, new MockFilterChain());
    }

    @Test
    void aCancellationStopsTheWaitOfTheRequestItNamesAndNoOther() throws Exception {
        AtomicInteger stopped = new AtomicInteger();
        ToolCall.Registration waiting = toolCall("dev_1", 7).onCancel(stopped::incrementAndGet);
        cancel("dev_1", "\"7\"");
        cancel("dev_1", 8);
        assertThat(stopped).as("a string id is not the number 7, and 8 is another request").hasValue(0);
        cancel("dev_1", 7);
        assertThat(stopped).hasValue(1);
        cancel("dev_1", 7);
        assertThat(stopped).as("once").hasValue(1);
        waiting.close();
        assertThat(cancellations.inProgress()).isZero();
    }

    @Test
    void anotherKeyCannotStopAWaitEvenInTheSameSession() throws Exception {
        AtomicInteger stopped = new AtomicInteger();
        toolCall("dev_1", 3).onCancel(stopped::incrementAndGet);
        cancel("dev_2", 3);
        assertThat(stopped).hasValue(0);
        cancel("dev_1", 3);
        assertThat(stopped).hasValue(1);
    }
}
