package dev.pausepoint.kit.architecture.compliant.orders;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds its own package's beans and a JDK pool, binds its own properties. */
@Configuration
@EnableConfigurationProperties(OrdersProperties.class)
class OrdersConfiguration {

    @Bean
    OrderChangeSubscriber orderChangeSubscriber() {
        return new OrderChangeSubscriber();
    }

    @Bean
    ExecutorService orderPool(OrdersProperties properties) {
        return Executors.newFixedThreadPool(properties.threads());
    }
}
