package dev.pausepoint.gateway.longpoll;

import dev.pausepoint.gateway.routing.DownstreamServices;
import dev.pausepoint.identity.RequestSigner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LongPollProperties.class)
class LongPollConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LongPollConfiguration.class);

    @Bean
    FailoverWaitSlots longPollSlots(ReactiveStringRedisTemplate redis, LongPollProperties limits, MeterRegistry meters) {
        SlotReleases releases = new SlotReleases(redis, limits.releaseWindow(), Duration.ofSeconds(2),
                Schedulers.parallel());
        return new FailoverWaitSlots(new RedisWaitSlots(redis, releases), new LocalWaitSlots(), Duration.ofMillis(500),
                Duration.ofSeconds(2), meters);
    }

    @Bean
    LongPollFilter longPollFilter(FailoverWaitSlots longPollSlots, LongPollProperties limits, Clock clock,
            MeterRegistry meters) {
        long maxHeap = Runtime.getRuntime().maxMemory();
        LongPollFilter filter = new LongPollFilter(longPollSlots, limits, limits.capacity(maxHeap), clock);
        log.info("Long-poll: at most {} waits parked on this instance ({}; max heap {} MB)", filter.capacity(),
                limits.maxPerInstance() != null ? "pausepoint.gateway.long-poll.max-per-instance"
                        : limits.heapShare() + " of the heap at " + limits.bytesPerWaiter().toKilobytes() + " KB each",
                maxHeap / (1024 * 1024));
        Gauge.builder("pausepoint.longpoll.waiters", filter, LongPollFilter::waiters)
                .description("Long-polls parked on this gateway instance").register(meters);
        Gauge.builder("pausepoint.longpoll.capacity", filter, LongPollFilter::capacity)
                .description("The most long-polls this gateway instance parks").register(meters);
        return filter;
    }

    @Bean
    PauseWakes pauseWakes() {
        return new PauseWakes();
    }

    @Bean
    WokenReads wokenReads(DownstreamServices services, RequestSigner signer, LongPollProperties limits,
            ObjectProvider<LoadBalancedExchangeFilterFunction> balancer) {
        LongPollProperties.WokenReadsProperties reads = limits.wokenReads();
        List<URI> pauseService = services.pauseService();
        WokenPausesClient client = pauseService.size() == 1
                ? new WokenPausesClient(pauseService.get(0), List.of(), signer, reads.timeout(),
                        (int) reads.maxAnswer().toBytes())
                : new WokenPausesClient(URI.create("http://pause-service"), List.of(balancer.getObject()), signer,
                        reads.timeout(), (int) reads.maxAnswer().toBytes());
        return new WokenReads(client, reads.batchSize(), reads.maxCalls(), reads.window(), Schedulers.parallel());
    }

    @Bean
    ParkedReadFilter parkedReadFilter(PauseWakes pauseWakes, WokenReads wokenReads, Clock clock) {
        return new ParkedReadFilter(pauseWakes, wokenReads, clock);
    }

    @Bean
    PauseEventWakes pauseEventWakes(ConsumerFactory<?, ?> consumers, PauseWakes pauseWakes,
            LongPollProperties limits) {
        Properties overrides = new Properties();
        // No group: nothing is committed, and every instance reads every partition (PauseEventWakes).
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // pause-service creates the topic with its partitions; a consumer must not create it first.
        overrides.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return new PauseEventWakes(() -> consumer(consumers, overrides), pauseWakes, limits.partitionsRefresh());
    }

    @SuppressWarnings("unchecked")
    private static Consumer<String, byte[]> consumer(ConsumerFactory<?, ?> consumers, Properties overrides) {
        return (Consumer<String, byte[]>) consumers.createConsumer(null, "gateway-pause-wakes", null, overrides);
    }
}
