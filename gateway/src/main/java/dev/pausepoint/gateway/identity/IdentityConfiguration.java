package dev.pausepoint.gateway.identity;

import dev.pausepoint.gateway.routing.DownstreamServices;
import dev.pausepoint.gateway.routing.DownstreamTraceHeader;
import dev.pausepoint.identity.RequestSigner;
import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyCacheProperties.class)
class IdentityConfiguration {

    @Bean
    RequestSigner requestSigner(@Value("${pausepoint.internal-secret:}") String secret) {
        return new RequestSigner(secret);
    }

    @Bean
    ClientIpResolver clientIpResolver(@Value("${pausepoint.gateway.trusted-proxies:}") List<String> trustedProxies,
            RequestSigner signer) {
        return new ClientIpResolver(trustedProxies, signer);
    }

    @Bean
    CredentialCache credentialCache(DownstreamServices services, RequestSigner signer, KeyCacheProperties keyCache,
            ObjectProvider<LoadBalancedExchangeFilterFunction> balancer) {
        List<URI> billing = services.billingService();
        CredentialLookup lookup = billing.size() == 1 ? new CredentialLookup(billing.get(0), List.of(), signer)
                : new CredentialLookup(URI.create("http://billing-service"), List.of(balancer.getObject()), signer);
        return new CredentialCache(lookup, keyCache);
    }

    @Bean
    AccountEventsMonitor accountEventsMonitor(KafkaListenerEndpointRegistry listeners, CredentialCache cache,
            KeyCacheProperties keyCache) {
        return new AccountEventsMonitor(listeners, cache, keyCache.brokerContactTimeout());
    }

    @Bean
    AccountEventsHealthIndicator accountEventsHealthIndicator(AccountEventsMonitor monitor) {
        return new AccountEventsHealthIndicator(monitor);
    }

    @Bean
    AccountEventsListener accountEventsListener(CredentialCache cache, AccountEventsMonitor monitor) {
        return new AccountEventsListener(cache, monitor);
    }

    @Bean
    CallerResolver callerResolver(ClientIpResolver clientIps, CredentialCache credentials, AddressLimits limits) {
        return new CallerResolver(clientIps, credentials, limits);
    }

    @Bean
    SignedIdentityFilter signedIdentityFilter(RequestSigner signer, DownstreamTraceHeader trace) {
        return new SignedIdentityFilter(signer, trace);
    }

    @Bean
    static FoldedHeaderFilters foldedHeaderFilters() {
        return new FoldedHeaderFilters();
    }
}
