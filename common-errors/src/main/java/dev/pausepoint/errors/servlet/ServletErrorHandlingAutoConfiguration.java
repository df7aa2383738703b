package dev.pausepoint.errors.servlet;

import dev.pausepoint.errors.ErrorMapper;
import dev.pausepoint.errors.HttpLimitsProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Makes a servlet service answer every failure with the envelope: exceptions inside Spring MVC through
 * {@link ErrorEnvelopeAdvice}, everything the container or a filter raises through
 * {@link ErrorEnvelopeController}, which replaces Boot's whitelabel error controller.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpLimitsProperties.class)
public class ServletErrorHandlingAutoConfiguration {

    @Bean
    ErrorMapper errorMapper() {
        return new ServletErrorMapper();
    }

    @Bean
    ErrorEnvelopeAdvice errorEnvelopeAdvice(ErrorMapper mapper) {
        return new ErrorEnvelopeAdvice(mapper);
    }

    @Bean
    ErrorEnvelopeController errorEnvelopeController(ErrorMapper mapper) {
        return new ErrorEnvelopeController(mapper);
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    RequestSizeLimitFilter requestSizeLimitFilter(HttpLimitsProperties limits) {
        return new RequestSizeLimitFilter(limits);
    }
}
