package dev.pausepoint.gateway.body;

import dev.pausepoint.gateway.ratelimit.AddressBuckets;
import dev.pausepoint.gateway.ratelimit.RateLimitProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestBodyProperties.class)
class RequestBodyConfiguration {

    @Bean
    BodyBudget bodyBudget(RequestBodyProperties properties, MeterRegistry meters) {
        BodyBudget budget = new BodyBudget(properties.maxBuffered(), properties.maxBufferedPerAddress());
        Gauge.builder("pausepoint.request-bodies.buffered", budget, BodyBudget::held).baseUnit("bytes")
                .description("Bytes of request bodies this gateway instance holds for requests not yet answered")
                .register(meters);
        return budget;
    }

    @Bean
    BodyDeadlineFilter bodyDeadlineFilter(RequestBodyProperties properties) {
        return new BodyDeadlineFilter(properties.timeout());
    }

    @Bean
    WholeBodyFilter wholeBodyFilter(BodyBudget bodyBudget, RateLimitProperties limits) {
        return new WholeBodyFilter(bodyBudget, new AddressBuckets(limits.ipv6PrefixLength()));
    }
}
