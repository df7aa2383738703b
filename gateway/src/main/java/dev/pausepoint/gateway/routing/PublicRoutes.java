package dev.pausepoint.gateway.routing;

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

    /** Each service and the public paths it owns. */
    private static final Map<String, List<String>> PATHS = Map.of(
            "billing-service", List.of("/v1/auth/**", "/v1/billing/**", "/reset-password"),
            "pause-service", List.of("/v1/pause/**", "/v1/audit/**"),
            "delivery-service", List.of("/v1/webhooks/**", "/v1/providers/twilio/status",
                    "/v1/providers/sendgrid/events"),
            "response-service", List.of("/v1/respond/**", "/respond/**"));

    @Bean
    RouteLocator publicRouteLocator(RouteLocatorBuilder routes, DownstreamServices services) {
        RouteLocatorBuilder.Builder all = routes.routes();
        PATHS.forEach((service, paths) -> all.route(service,
                route -> route.path(paths.toArray(String[]::new)).uri(services.target(service))));
        return all.build();
    }
}
