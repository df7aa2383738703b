package dev.pausepoint.billing.subscription;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaddleProperties.class)
@EnableScheduling
class PaddleConfiguration {

    @Bean
    PaddleClient paddleClient(PaddleProperties properties, JsonMapper json) {
        return new PaddleClient(properties, json);
    }

    @Bean
    PaddleSignature paddleSignature(PaddleProperties properties, Clock clock) {
        return new PaddleSignature(properties.webhookSecrets(), properties.signatureTolerance(), clock);
    }
}
