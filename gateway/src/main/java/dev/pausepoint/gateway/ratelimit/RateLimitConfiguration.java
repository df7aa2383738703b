package dev.pausepoint.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FailoverLimiter rateLimiter(ReactiveStringRedisTemplate redis, RateLimitProperties limits, MeterRegistry meters) {
        return new FailoverLimiter(new RedisSlidingWindowLimiter(redis, limits.window()),
                new LocalSlidingWindowLimiter(limits.window(), 200_000), Duration.ofMillis(500), Duration.ofSeconds(2),
                meters);
    }

    @Bean
    RateLimitFilter rateLimitFilter(FailoverLimiter limiter, RateLimitProperties limits, Clock clock,
            MeterRegistry meters) {
        return new RateLimitFilter(limiter, limits, new AddressBuckets(limits.ipv6PrefixLength()), clock,
                new RateLimitMetrics(meters));
    }
}
