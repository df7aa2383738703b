package dev.pausepoint.gateway.accesslog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccessLogConfiguration {

    @Bean
    AccessLogFilter accessLogFilter() {
        return new AccessLogFilter();
    }
}
