package dev.pausepoint.kit.plan;

import dev.pausepoint.kit.YamlPropertySourceFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** What {@link EnablePlans} imports: the table's defaults and the catalogue bound over them. */
@Configuration(proxyBeanMethods = false)
@PropertySource(name = "pausepoint-plans", value = "classpath:plans.yml", factory = YamlPropertySourceFactory.class)
@EnableConfigurationProperties(PlanCatalog.class)
class PlansConfiguration {
}
