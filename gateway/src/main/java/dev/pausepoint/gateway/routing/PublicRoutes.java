package dev.pausepoint.gateway.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public paths and the service that owns each. Anything not listed here, notably
 * {@code /internal/**}, the services' actuator endpoints and any provider path other than the two
 * documented callbacks, is never forwarded and answers 404. ({@code /a/**} also matches {@code /a}
 * itself.) Routes match the canonical path ({@link CanonicalPathFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DownstreamServices.class)
@LoadBalancerClients(defaultConfiguration = DownstreamBalancing.class)
public class PublicRoutes {

    /**
     * Each service and the public paths it owns, in the order a request is matched against them: every
     * request tries the routes one by one until one matches, so the busiest (pauses, then answers) come
     * first. The paths do not overlap, so the order changes no request's route, only its cost.
     */
    static final Map<String, List<String>> PATHS = orderedPaths();

    /** The MCP server's one endpoint (Streamable HTTP; docs/mcp.md). */
    public static final String MCP_PATH = "/mcp";

    private static Map<String, List<String>> orderedPaths() {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        paths.put("pause-service", List.of("/v1/pause/**", "/v1/audit/**", "/v1/stats/**"));
        paths.put("response-service", List.of("/v1/respond/**", "/respond/**"));
        paths.put("delivery-service", List.of("/v1/webhooks/**", "/v1/deliveries/**", "/v1/providers/twilio/status",
                "/v1/providers/sendgrid/events"));
        paths.put("billing-service", List.of("/v1/auth/**", "/v1/billing/**", "/reset-password"));
        paths.put(DownstreamServices.DASHBOARD, List.of("/dashboard/**"));
        paths.put(DownstreamServices.MCP_SERVER, List.of(MCP_PATH));
        return Collections.unmodifiableMap(paths);
    }

    @Bean
    RouteLocator publicRouteLocator(RouteLocatorBuilder routes, DownstreamServices services) {
        RouteLocatorBuilder.Builder all = routes.routes();
        PATHS.forEach((service, paths) -> {
            if (services.byName().containsKey(service)) {
                all.route(service, route -> route.path(paths.toArray(String[]::new)).uri(services.target(service)));
            }
        });
        return all.build();
    }
}
