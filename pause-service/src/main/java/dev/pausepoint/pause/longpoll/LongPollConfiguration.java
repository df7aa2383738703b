package dev.pausepoint.pause.longpoll;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LongPollProperties.class)
class LongPollConfiguration {

    /**
     * Smaller per-connection buffers than Tomcat's 8 KB each: every open connection keeps them, while
     * requests and answers here are a few hundred bytes to a few KB (a larger one is read or written in
     * several passes). docs/api-decisions.md, "Pauses".
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
}
