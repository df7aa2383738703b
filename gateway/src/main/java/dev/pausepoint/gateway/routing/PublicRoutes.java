package dev.pausepoint.gateway.routing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
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
public class PublicRoutes {

    @Bean
    RouteLocator publicRouteLocator(RouteLocatorBuilder routes, DownstreamServices services) {
        return routes.routes()
                .route("billing-service", route -> route
                        .path("/v1/auth/**", "/v1/billing/**", "/reset-password")
                        .uri(services.billingService()))
                .route("pause-service", route -> route
                        .path("/v1/pause/**", "/v1/audit/**")
                        .uri(services.pauseService()))
                .route("delivery-service", route -> route
                        .path("/v1/webhooks/**", "/v1/providers/twilio/status", "/v1/providers/sendgrid/events")
                        .uri(services.deliveryService()))
                .route("response-service", route -> route
                        .path("/v1/respond/**", "/respond/**")
                        .uri(services.responseService()))
                .build();
    }
}
