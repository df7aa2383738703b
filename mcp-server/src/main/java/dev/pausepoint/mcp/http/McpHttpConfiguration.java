package dev.pausepoint.mcp.http;

import dev.pausepoint.client.PausePointClient;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.mcp.McpServerInfo;
import dev.pausepoint.mcp.tools.McpSettings;
import dev.pausepoint.mcp.tools.PauseTools;
import dev.pausepoint.mcp.tools.ToolCall;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Streamable HTTP transport of the MCP Java SDK as a servlet at {@code /mcp}, behind {@link McpGatewayFilter},
 * with one API client whose HTTP connections every caller's calls share ({@code withApiKey} per request).
 */
@Configuration(proxyBeanMethods = false)
class McpHttpConfiguration {

    static final String ENDPOINT = "/mcp";

    /** Each variable of the stdio mode and the property application.yml binds it to. */
    private static final Map<String, String> PROPERTIES = Map.of(
            "PAUSEPOINT_URL", "pausepoint.mcp.url",
            "PAUSEPOINT_MCP_DEFAULT_WAIT", "pausepoint.mcp.default-wait",
            "PAUSEPOINT_MCP_MAX_WAIT", "pausepoint.mcp.max-wait",
            "PAUSEPOINT_MCP_PROGRESS_INTERVAL", "pausepoint.mcp.progress-interval",
            "PAUSEPOINT_AGENT_NAME", "pausepoint.mcp.agent-name");

    @Bean
    McpSettings mcpSettings(Environment environment) {
        return McpSettings.from(variable -> environment.getProperty(PROPERTIES.get(variable)));
    }

    @Bean
    RequestSigner requestSigner(@Value("${pausepoint.internal-secret:}") String secret) {
        if (secret.isBlank()) {
            throw new IllegalStateException("INTERNAL_SECRET must be set: it verifies the gateway's signed identity");
        }
        return new RequestSigner(secret);
    }

    @Bean
    PausePointClient pausePointClient(McpSettings settings) {
        HttpClient shared = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return PausePointClient.builder().baseUrl(settings.apiUrl()).httpClient(shared)
                .requestTimeout(McpServerInfo.API_REQUEST_TIMEOUT).build();
    }

    @Bean
    WaitCancellations waitCancellations() {
        return new WaitCancellations();
    }

    /** Before the web server drains (a later phase of the shutdown), every wait answers what it has. */
    @Bean
    ApplicationListener<ContextClosedEvent> endWaitsOnShutdown(WaitCancellations cancellations) {
        return closed -> cancellations.cancelAll();
    }

    @Bean
    HttpServletStreamableServerTransportProvider mcpTransport() {
        return HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(McpJsonDefaults.getMapper())
                .mcpEndpoint(ENDPOINT)
                .maxRequestSize(McpGatewayFilter.MAX_BODY)
                .contextExtractor(request -> {
                    Map<String, Object> context = new HashMap<>();
                    Object call = request.getAttribute(HttpToolCall.CONTEXT_KEY);
                    if (call != null) {
                        context.put(HttpToolCall.CONTEXT_KEY, call);
                    }
                    return McpTransportContext.create(context);
                })
                .build();
    }

    @Bean(destroyMethod = "close")
    McpAsyncServer mcpServer(HttpServletStreamableServerTransportProvider transport, McpSettings settings) {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        PauseTools tools = new PauseTools(exchange -> (ToolCall) exchange.transportContext()
                .get(HttpToolCall.CONTEXT_KEY), settings, json);
        return McpServerInfo.build(McpServer.async(transport), tools.specifications());
    }

    @Bean
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
            HttpServletStreamableServerTransportProvider transport) {
        ServletRegistrationBean<HttpServletStreamableServerTransportProvider> servlet =
                new ServletRegistrationBean<>(transport, ENDPOINT);
        servlet.setAsyncSupported(true);
        return servlet;
    }

    @Bean
    McpSessions mcpSessions(HttpServletStreamableServerTransportProvider transport,
            @Value("${pausepoint.mcp.session-idle-timeout}") Duration idleTimeout,
            @Value("${pausepoint.mcp.max-sessions}") int maxSessions) {
        return new McpSessions(transport, Clock.systemUTC(), idleTimeout, maxSessions);
    }

    /** Ends idle sessions once a minute, on a thread of its own that never delays a request. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService mcpSessionSweeper(McpSessions sessions) {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mcp-session-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(sessions::endIdle, 1, 1, TimeUnit.MINUTES);
        return sweeper;
    }

    @Bean
    FilterRegistrationBean<McpGatewayFilter> mcpGatewayFilter(RequestSigner signer, PausePointClient client,
            WaitCancellations cancellations, McpSessions sessions) {
        ObjectMapper json = JsonMapper.builder().build();
        FilterRegistrationBean<McpGatewayFilter> filter = new FilterRegistrationBean<>(
                new McpGatewayFilter(signer, client, cancellations, sessions, json));
        filter.addUrlPatterns(ENDPOINT);
        filter.setAsyncSupported(true);
        // After the request id (common-errors), before anything reads the body.
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return filter;
    }
}
