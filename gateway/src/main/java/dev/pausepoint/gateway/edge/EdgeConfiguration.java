package dev.pausepoint.gateway.edge;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;

/**
 * Puts the edge's handlers into every connection of the public server. The idle timeout of a kept-alive
 * connection, the request-line and header limits are Boot's own Netty settings ({@code server.netty.*},
 * {@code server.max-http-request-header-size}); the request-head timeout and the lingering close are ours.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    @Bean
    NettyServerCustomizer edgeHandlers(@Value("${pausepoint.gateway.request-head-timeout}") Duration headTimeout,
            @Value("${pausepoint.gateway.lingering-close}") Duration linger) {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            // Only an HTTP/1.1 connection has this decoder; the server offers no other protocol.
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, EdgeRequestGuard.NAME, new EdgeRequestGuard());
                RequestHeadDeadline.install(channel.pipeline(), headTimeout);
                // Added last right after the decoder, so it is first to see what it decodes.
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, LingeringClose.NAME, new LingeringClose(linger));
            }
        });
    }

    @Bean
    EdgeRefusalFilter edgeRefusalFilter(@Value("${server.netty.max-initial-line-length:4KB}") DataSize maxRequestLine,
            @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaders) {
        return new EdgeRefusalFilter(maxRequestLine, maxHeaders);
    }
}
