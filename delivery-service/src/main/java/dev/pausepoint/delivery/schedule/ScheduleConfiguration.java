package dev.pausepoint.delivery.schedule;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleProperties.class)
class ScheduleConfiguration {

    @Bean
    LeaseHolder leaseHolder(@Value("${pausepoint.delivery.lease-holder:}") String instanceId) {
        return LeaseHolder.of(instanceId);
    }
}
