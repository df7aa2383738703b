package dev.pausepoint.pause.longpoll;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How many long-polls one instance parks ({@code pausepoint.long-poll}). Unless {@code maxWaiters} is
 * set, the cap follows the heap: {@code heapShare} of the maximum heap divided by
 * {@code bytesPerWaiter}, the heap one parked request was measured to hold (docs/api-decisions.md, "Pauses").
 *
 * @param maxWaiters a fixed cap instead of the derived one
 * @param heapShare the share of the maximum heap parked requests may hold together
 * @param bytesPerWaiter the heap one parked request holds: its connection, Tomcat's request and
 *     response buffers, the deferred result and the callback
 * @param retryAfter what a request refused because the instance is full is told to wait
 * @param socketReadBuffer Tomcat's read buffer per connection ({@code socket.appReadBufSize}, 8 KB in Tomcat)
 * @param socketWriteBuffer Tomcat's write buffer per connection ({@code socket.appWriteBufSize}, 8 KB in Tomcat)
 * @param responseBuffer a response's buffer (8 KB and 8K chars in Tomcat); an answer past it is sent chunked
 */
@ConfigurationProperties("pausepoint.long-poll")
public record LongPollProperties(Integer maxWaiters, @DefaultValue("0.3") double heapShare,
        @DefaultValue("80KB") DataSize bytesPerWaiter, @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("2KB") DataSize socketReadBuffer, @DefaultValue("4KB") DataSize socketWriteBuffer,
        @DefaultValue("4KB") DataSize responseBuffer) {

    public LongPollProperties {
        if (heapShare <= 0 || heapShare > 1) {
            throw new IllegalArgumentException("pausepoint.long-poll.heap-share must be in (0, 1], was " + heapShare);
        }
        if (maxWaiters != null && maxWaiters < 1) {
            throw new IllegalArgumentException("pausepoint.long-poll.max-waiters must be at least 1, was " + maxWaiters);
        }
        if (socketReadBuffer.toBytes() < 1024 || socketWriteBuffer.toBytes() < 1024 || responseBuffer.toBytes() < 1024) {
            throw new IllegalArgumentException("pausepoint.long-poll socket and response buffers must be at least 1KB");
        }
    }

    /** The cap for a JVM whose heap may grow to {@code maxHeapBytes}. */
    public int capacity(long maxHeapBytes) {
        if (maxWaiters != null) {
            return maxWaiters;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (long) (maxHeapBytes * heapShare) / bytesPerWaiter.toBytes()));
    }
}
