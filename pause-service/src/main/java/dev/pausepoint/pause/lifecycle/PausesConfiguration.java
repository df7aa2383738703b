package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.kit.plan.PlanCatalog;
import dev.pausepoint.kit.token.ResponseTokenCodec;
import dev.pausepoint.kit.validation.SmsCountryCodes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pieces of create that are configuration: the field rules, the plans' rules and the human's link. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PauseProperties.class)
class PausesConfiguration {

    @Bean
    PauseRequestParser pauseRequestParser(PauseProperties properties) {
        return new PauseRequestParser(properties.slackHosts(), SmsCountryCodes.of(properties.smsAllowedCountryCodes()));
    }

    @Bean
    PlanPolicy planPolicy(PlanCatalog plans, PauseProperties properties) {
        return new PlanPolicy(plans, properties.absoluteMaxTimeoutHours());
    }

    @Bean
    RespondLinks respondLinks(@Value("${pausepoint.public-base-url}") String publicBaseUrl, ResponseTokenCodec tokens) {
        return new RespondLinks(publicBaseUrl, tokens);
    }
}
