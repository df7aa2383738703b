package dev.pausepoint.gateway.identity;

import dev.pausepoint.identity.RequestSigner;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    RequestSigner requestSigner(@Value("${pausepoint.internal-secret:}") String secret) {
        return new RequestSigner(secret);
    }

    @Bean
    ClientIpResolver clientIpResolver(@Value("${pausepoint.gateway.trusted-proxies:}") List<String> trustedProxies) {
        return new ClientIpResolver(trustedProxies);
    }

    @Bean
    CallerResolver callerResolver(ClientIpResolver clientIps) {
        return new CallerResolver(clientIps);
    }

    @Bean
    SignedIdentityFilter signedIdentityFilter(RequestSigner signer) {
        return new SignedIdentityFilter(signer);
    }
}
