package dev.pausepoint.gateway.routing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service listens. One place for routing, the credential lookup and health alike; every URL is
 * configuration ({@code BILLING_SERVICE_URL}, {@code PAUSE_SERVICE_URL}, ...). Each holds one base URL
 * (in production a Kubernetes Service or a compose service name, which balances on its own) or several,
 * comma-separated, over which the gateway balances itself (docs/scale-out.md).
 *
 * <p>The dashboard ({@code DASHBOARD_URL}) and the MCP server ({@code MCP_SERVER_URL}) are optional: without
 * one, its path ({@code /dashboard}, {@code /mcp}) is not routed. Neither is one of the API's services:
 * {@code /health} reports the API and leaves them out, so one that is down never marks the API degraded
 * (docs/dashboard.md, "Running it"; docs/mcp.md).
 */
@ConfigurationProperties("pausepoint.services")
public record DownstreamServices(List<URI> billingService, List<URI> pauseService, List<URI> deliveryService,
        List<URI> responseService, List<URI> dashboard, List<URI> mcpServer) {

    public static final String DASHBOARD = "dashboard";
    public static final String MCP_SERVER = "mcp-server";

    public DownstreamServices {
        dashboard = dashboard == null ? List.of() : dashboard;
        mcpServer = mcpServer == null ? List.of() : mcpServer;
    }

    /** The API's services by name, in a fixed order, with their instances' base URLs: what {@code /health} checks. */
    public Map<String, List<URI>> apiServices() {
        Map<String, List<URI>> all = new LinkedHashMap<>();
        all.put("billing-service", billingService);
        all.put("delivery-service", deliveryService);
        all.put("pause-service", pauseService);
        all.put("response-service", responseService);
        return all;
    }

    /** Everything the gateway routes to: the API's services, and the dashboard and MCP server when configured. */
    public Map<String, List<URI>> byName() {
        Map<String, List<URI>> all = apiServices();
        if (!dashboard.isEmpty()) {
            all.put(DASHBOARD, dashboard);
        }
        if (!mcpServer.isEmpty()) {
            all.put(MCP_SERVER, mcpServer);
        }
        return all;
    }

    /**
     * Where requests for {@code service} go: its one URL as given, so a single URL works exactly as
     * before, or {@code lb://service}, which Spring Cloud LoadBalancer resolves to one of its ready
     * instances ({@link DownstreamInstances}).
     */
    public URI target(String service) {
        List<URI> instances = byName().get(service);
        return instances.size() == 1 ? instances.get(0) : URI.create("lb://" + service);
    }
}
