package dev.pausepoint.delivery.outbound;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pausepoint.delivery.insecure-hosts} ({@code DELIVERY_INSECURE_HOSTS}): host names that may be
 * reached over plain http and at any address, for local testing; empty (none) in production.
 */
@ConfigurationProperties("pausepoint.delivery")
public record OutboundProperties(List<String> insecureHosts) {

    public OutboundProperties {
        insecureHosts = insecureHosts == null ? List.of() : List.copyOf(insecureHosts);
    }
}
