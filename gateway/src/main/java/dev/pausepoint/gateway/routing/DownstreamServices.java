package dev.pausepoint.gateway.routing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service listens. One place for routing and health alike; every URL is configuration
 * ({@code BILLING_SERVICE_URL}, {@code PAUSE_SERVICE_URL}, ...).
 */
@ConfigurationProperties("pausepoint.services")
public record DownstreamServices(URI billingService, URI pauseService, URI deliveryService, URI responseService) {

    /** Every service by its name, in a fixed order. */
    public Map<String, URI> byName() {
        Map<String, URI> all = new LinkedHashMap<>();
        all.put("billing-service", billingService);
        all.put("delivery-service", deliveryService);
        all.put("pause-service", pauseService);
        all.put("response-service", responseService);
        return all;
    }
}
