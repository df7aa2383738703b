package dev.pausepoint.pause.pause;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PauseProperties.class)
class PausesConfiguration {
}
