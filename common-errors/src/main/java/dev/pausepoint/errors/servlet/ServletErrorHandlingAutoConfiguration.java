package dev.pausepoint.errors.servlet;

import dev.pausepoint.errors.ErrorMapper;
import dev.pausepoint.errors.HttpLimitsProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a servlet service answer every failure with the envelope: exceptions inside Spring MVC through
 * {@link ErrorEnvelopeAdvice}, everything the container or a filter raises through
 * {@link ErrorEnvelopeController}, which replaces Boot's whitelabel error controller. It also refuses, with
 * the envelope's 422, any request text the database cannot hold ({@link UnstorableText}).
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

    /** Requests Tomcat refuses before any servlet runs get the envelope too ({@link EnvelopeErrorReportValve}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory")
    static class TomcatErrorReport {

        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> envelopeErrorReportValve() {
            return factory -> factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                    .setErrorReportValveClass(EnvelopeErrorReportValve.class.getName()));
        }
    }

    /** Bodies are checked for text the database cannot hold as they are read ({@link UnstorableText}). */
    @Bean
    UnstorableTextBodyAdvice unstorableTextBodyAdvice() {
        return new UnstorableTextBodyAdvice();
    }

    /** ... and parameters and path variables before anything is bound. */
    @Bean
    WebMvcConfigurer unstorableTextParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new UnstorableTextInterceptor());
            }
        };
    }
}
