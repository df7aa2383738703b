package dev.pausepoint.kit.architecture.compliant.orders;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("orders")
public record OrdersProperties(int threads) {
}
