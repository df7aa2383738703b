package dev.pausepoint.kit.architecture.violating.stock;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("stock")
public record StockProperties(int threads) {
}
