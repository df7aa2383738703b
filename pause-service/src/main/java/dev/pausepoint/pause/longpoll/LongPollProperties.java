package dev.pausepoint.pause.longpoll;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Tomcat's buffers per connection ({@code pausepoint.long-poll}; named when parked long-polls held them
 * for 30 s here, docs/api-decisions.md, "Pauses"): smaller than Tomcat's, since requests and answers
 * here are small.
 *
 * @param socketReadBuffer Tomcat's read buffer per connection ({@code socket.appReadBufSize}, 8 KB in Tomcat)
 * @param socketWriteBuffer Tomcat's write buffer per connection ({@code socket.appWriteBufSize}, 8 KB in Tomcat)
 * @param responseBuffer a response's buffer (8 KB and 8K chars in Tomcat); an answer past it is sent chunked
 */
@ConfigurationProperties("pausepoint.long-poll")
public record LongPollProperties(@DefaultValue("2KB") DataSize socketReadBuffer, @DefaultValue("4KB") DataSize socketWriteBuffer,
        @DefaultValue("4KB") DataSize responseBuffer) {

    public LongPollProperties {
        if (socketReadBuffer.toBytes() < 1024 || socketWriteBuffer.toBytes() < 1024 || responseBuffer.toBytes() < 1024) {
            throw new IllegalArgumentException("pausepoint.long-poll socket and response buffers must be at least 1KB");
        }
    }
}
