package dev.pausepoint.kit.trust;

import dev.pausepoint.identity.RequestSigner;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the trust boundary into every service. The internal secret has no default: a service without
 * {@code INTERNAL_SECRET} refuses to start rather than run open.
 */
@AutoConfiguration
public class TrustAutoConfiguration {

    @Bean
    RequestSigner requestSigner(@Value("${pausepoint.internal-secret:}") String secret) {
        return new RequestSigner(secret);
    }

    /**
     * Signed clients to other services' internal APIs, by service name ({@code pausepoint.services.*}: a
     * base URL, or several comma-separated to take in turn).
     */
    @Bean
    InternalClients internalClients(RequestSigner signer, JsonMapper json, Environment environment,
            ObjectProvider<ObservationRegistry> observations) {
        return service -> new InternalClient(environment.getRequiredProperty("spring.application.name"), service,
                Arrays.stream(environment.getRequiredProperty("pausepoint.services." + service).split(","))
                        .map(String::trim).filter(url -> !url.isEmpty()).map(URI::create).toList(),
                signer, json, Duration.ofSeconds(2), observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    GatewayTrustFilter gatewayTrustFilter(RequestSigner signer) {
        return new GatewayTrustFilter(signer);
    }

    @Bean
    UnauthenticatedCallerAdvice unauthenticatedCallerAdvice() {
        return new UnauthenticatedCallerAdvice();
    }

    @Bean
    WebMvcConfigurer callerArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
