package dev.pausepoint.kit.trust;

import dev.pausepoint.identity.RequestSigner;
import java.util.List;
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

    @Bean
    GatewayTrustFilter gatewayTrustFilter(RequestSigner signer) {
        return new GatewayTrustFilter(signer);
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
