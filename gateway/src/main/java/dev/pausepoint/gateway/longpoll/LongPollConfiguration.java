package dev.pausepoint.gateway.longpoll;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LongPollProperties.class)
class LongPollConfiguration {

    @Bean
    FailoverWaitSlots longPollSlots(ReactiveStringRedisTemplate redis, MeterRegistry meters) {
        return new FailoverWaitSlots(new RedisWaitSlots(redis), new LocalWaitSlots(), Duration.ofMillis(500),
                Duration.ofSeconds(2), meters);
    }

    @Bean
    LongPollFilter longPollFilter(FailoverWaitSlots longPollSlots, LongPollProperties limits, Clock clock,
            MeterRegistry meters,
            @Value("${spring.cloud.gateway.server.webflux.httpclient.pool.max-connections:0}") int poolSize) {
        // Each wait holds a pooled connection to pause-service for up to 30 s; if waits could take them
        // all, every other request to pause-service would queue behind them.
        if (poolSize > 0 && limits.maxPerInstance() >= poolSize) {
            throw new IllegalStateException("pausepoint.gateway.long-poll.max-per-instance (" + limits.maxPerInstance()
                    + ") must stay below the connection pool's max-connections (" + poolSize + ")");
        }
        LongPollFilter filter = new LongPollFilter(longPollSlots, limits, clock);
        Gauge.builder("pausepoint.longpoll.in-flight", filter, LongPollFilter::inFlight)
                .description("Long-polls in flight through this gateway instance").register(meters);
        return filter;
    }
}
