package dev.pausepoint.kit.plan;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@AutoConfiguration
@EnableConfigurationProperties(PlanCatalog.class)
public class PlanAutoConfiguration {
}
