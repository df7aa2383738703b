package dev.pausepoint.gateway.routing;

import java.net.URI;
import java.util.List;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What Spring Cloud LoadBalancer picks from for a service given as several URLs ({@code lb://} routes,
 * the credential lookup): its listed instances, less those whose readiness probe failed at the last check
 * ({@code spring.cloud.loadbalancer.health-check.*}), taken in turn. The balancer builds it in a context of
 * its own per service (named in {@link PublicRoutes}), so it is deliberately not a configuration class of
 * the gateway's context.
 */
class DownstreamBalancing {

    @Bean
    ServiceInstanceListSupplier downstreamInstances(ConfigurableApplicationContext context, Environment environment) {
        String service = environment.getRequiredProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        List<URI> urls = context.getBean(DownstreamServices.class).byName().get(service);
        return ServiceInstanceListSupplier.builder().withBase(new DownstreamInstances(service, urls))
                .withHealthChecks(WebClient.create()).build(context);
    }
}
