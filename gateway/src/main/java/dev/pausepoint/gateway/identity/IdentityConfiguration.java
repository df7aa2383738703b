package dev.pausepoint.gateway.identity;

import dev.pausepoint.gateway.routing.DownstreamServices;
import dev.pausepoint.identity.RequestSigner;
import java.time.Duration;
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
    CredentialCache credentialCache(DownstreamServices services, RequestSigner signer,
            @Value("${pausepoint.gateway.key-cache.maximum-size:100000}") long maximumSize,
            @Value("${pausepoint.gateway.key-cache.expiry:10m}") Duration expiry) {
        return new CredentialCache(new CredentialLookup(services.billingService(), signer), maximumSize, expiry);
    }

    @Bean
    AccountEventsListener accountEventsListener(CredentialCache cache) {
        return new AccountEventsListener(cache);
    }

    @Bean
    CallerResolver callerResolver(ClientIpResolver clientIps, CredentialCache credentials,
            FailedAuthentications failures) {
        return new CallerResolver(clientIps, credentials, failures);
    }

    @Bean
    SignedIdentityFilter signedIdentityFilter(RequestSigner signer) {
        return new SignedIdentityFilter(signer);
    }
}
