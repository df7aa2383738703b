package dev.pausepoint.delivery.outbound;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One guard for every developer-supplied URL; each feature builds its own client on it, with its own caps. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundProperties.class)
class OutboundConfiguration {

    @Bean
    OutboundGuard outboundGuard(OutboundProperties properties) {
        return new OutboundGuard(properties.insecureHosts());
    }
}
