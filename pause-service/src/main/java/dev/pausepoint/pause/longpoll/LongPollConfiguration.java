package dev.pausepoint.pause.longpoll;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LongPollProperties.class)
class LongPollConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LongPollConfiguration.class);

    @Bean
    PauseWaiters pauseWaiters(LongPollProperties properties, MeterRegistry meters) {
        long maxHeap = Runtime.getRuntime().maxMemory();
        PauseWaiters waiters = new PauseWaiters(properties.capacity(maxHeap));
        log.info("Long-poll: at most {} parked requests on this instance ({}; max heap {} MB)", waiters.capacity(),
                properties.maxWaiters() != null ? "pausepoint.long-poll.max-waiters"
                        : properties.heapShare() + " of the heap at " + properties.bytesPerWaiter().toKilobytes()
                                + " KB each", maxHeap / (1024 * 1024));
        Gauge.builder("pausepoint.longpoll.waiters", waiters, PauseWaiters::count)
                .description("Long-poll requests parked on this instance").register(meters);
        Gauge.builder("pausepoint.longpoll.capacity", waiters, PauseWaiters::capacity)
                .description("The most long-poll requests this instance parks").register(meters);
        return waiters;
    }

    @Bean
    PauseChangeSubscriber pauseChangeSubscriber(@Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username}") String username,
            @Value("${spring.datasource.password}") String password, PauseWaiters waiters) {
        return new PauseChangeSubscriber(url, username, password, waiters);
    }

    /**
     * Smaller per-connection buffers than Tomcat's 8 KB each: a parked request keeps its connection's
     * buffers for its whole wait, while requests and answers here are a few hundred bytes to a few KB
     * (a larger one is read or written in several passes). docs/api-decisions.md, "Pauses".
     */
    @Bean
    TomcatConnectorCustomizer longPollConnectionBuffers(LongPollProperties properties) {
        return connector -> {
            setSocketProperty(connector, "socket.appReadBufSize", properties.socketReadBuffer().toBytes());
            setSocketProperty(connector, "socket.appWriteBufSize", properties.socketWriteBuffer().toBytes());
        };
    }

    /** And a smaller response buffer ({@link CompactHttp11NioProtocol}). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> longPollCompactProtocol() {
        return factory -> factory.setProtocol(CompactHttp11NioProtocol.class.getName());
    }

    @Bean
    TomcatProtocolHandlerCustomizer<CompactHttp11NioProtocol> longPollResponseBuffer(LongPollProperties properties) {
        return protocol -> protocol.setResponseBufferSize((int) properties.responseBuffer().toBytes());
    }

    private static void setSocketProperty(Connector connector, String name, long bytes) {
        if (!connector.setProperty(name, String.valueOf(bytes))) {
            throw new IllegalStateException("Tomcat did not accept " + name + "=" + bytes);
        }
    }

    /** Answers woken waiters off the subscriber thread; a burst queues instead of blocking notifications. */
    @Bean
    ThreadPoolTaskExecutor longPollCompletions() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("long-poll-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(4);
        executor.setQueueCapacity(100_000);
        return executor;
    }

    @Bean
    LongPoll longPoll(PauseWaiters waiters, ThreadPoolTaskExecutor longPollCompletions, LongPollProperties properties) {
        return new LongPoll(waiters, longPollCompletions, properties.retryAfter());
    }
}
