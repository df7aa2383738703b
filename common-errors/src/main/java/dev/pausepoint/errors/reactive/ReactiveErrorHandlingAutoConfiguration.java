package dev.pausepoint.errors.reactive;

import dev.pausepoint.errors.ErrorMapper;
import dev.pausepoint.errors.HttpLimitsProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The reactive twin of the servlet configuration, for the gateway. */
@AutoConfiguration(before = ErrorWebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(HttpLimitsProperties.class)
public class ReactiveErrorHandlingAutoConfiguration {

    @Bean
    ErrorMapper errorMapper() {
        return new ErrorMapper();
    }

    @Bean
    EnvelopeErrorWebExceptionHandler envelopeErrorWebExceptionHandler(ErrorMapper mapper) {
        return new EnvelopeErrorWebExceptionHandler(mapper);
    }

    @Bean
    ReactiveRequestIdFilter reactiveRequestIdFilter() {
        return new ReactiveRequestIdFilter();
    }

    @Bean
    ReactiveRequestSizeLimitFilter reactiveRequestSizeLimitFilter(HttpLimitsProperties limits) {
        return new ReactiveRequestSizeLimitFilter(limits);
    }
}
