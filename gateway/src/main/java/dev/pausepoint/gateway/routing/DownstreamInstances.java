package dev.pausepoint.gateway.routing;

import java.net.URI;
import java.util.List;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * The static instance list Spring Cloud LoadBalancer balances over for one service: its URLs from
 * {@link DownstreamServices}, nothing discovered at run time. The balancer's health checks (see
 * {@link DownstreamBalancing}) take an instance out while its readiness probe fails and put it back when it passes.
 */
class DownstreamInstances implements ServiceInstanceListSupplier {

    private final String service;
    private final List<ServiceInstance> instances;

    DownstreamInstances(String service, List<URI> urls) {
        this.service = service;
        this.instances = urls.stream().map(url -> instance(service, urls.indexOf(url) + 1, url)).toList();
    }

    private static ServiceInstance instance(String service, int number, URI url) {
        boolean secure = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : secure ? 443 : 80;
        return new DefaultServiceInstance(service + "-" + number, service, url.getHost(), port, secure);
    }

    @Override
    public String getServiceId() {
        return service;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return Flux.just(instances);
    }
}
