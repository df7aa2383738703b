package dev.pausepoint.pause.audit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The export's limits: how many run at once here, how much each holds, how long each may take. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditExportProperties.class)
class AuditConfiguration {

    @Bean
    AuditExportSlots auditExportSlots(AuditExportProperties properties) {
        return new AuditExportSlots(properties.maxPerInstance());
    }
}
