package dev.pausepoint.gateway.longpoll;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's long-poll caps ({@code pausepoint.gateway.long-poll}). Waits are parked in the gateway,
 * so unless {@code maxPerInstance} is set, this instance's cap follows its heap: {@code heapShare} of
 * the maximum heap divided by {@code bytesPerWaiter}, the heap one parked wait was measured to hold
 * (docs/api-decisions.md, "Pauses").
 *
 * @param maxPerDeveloper waits one developer may have in flight at once per mode, across all gateway
 *     instances; the next is refused with 429
 * @param maxPerInstance a fixed cap on waits parked on this instance instead of the derived one; the
 *     next is refused with 503
 * @param heapShare the share of the maximum heap parked waits may hold together
 * @param bytesPerWaiter the heap one parked wait holds: the client's connection and exchange, the
 *     waiter and its timer
 * @param slotGrace how long past the end of its wait a developer's slot outlives a gateway instance that
 *     died holding it
 * @param busyRetryAfter what a wait refused because this instance is full is told to wait
 * @param partitionsRefresh how often the pause-events consumer looks for partitions added to the topic
 * @param releaseWindow how long a slot given back waits for others of the same developer and mode, to go
 *     back to Redis in one command with them
 * @param wokenReads how the reads after a wake are gathered into calls to pause-service
 */
@ConfigurationProperties("pausepoint.gateway.long-poll")
public record LongPollProperties(
        @DefaultValue("100") int maxPerDeveloper,
        Integer maxPerInstance,
        @DefaultValue("0.4") double heapShare,
        @DefaultValue("42KB") DataSize bytesPerWaiter,
        @DefaultValue("5s") Duration slotGrace,
        @DefaultValue("5s") Duration busyRetryAfter,
        @DefaultValue("60s") Duration partitionsRefresh,
        @DefaultValue("20ms") Duration releaseWindow,
        @DefaultValue WokenReadsProperties wokenReads) {

    /**
     * The reads after a wake ({@link WokenReads}).
     *
     * @param batchSize pauses asked for in one call at most (pause-service takes up to 500)
     * @param window how long a woken read waits for others to join its call
     * @param maxCalls calls in flight at once; reads that come meanwhile wait for one to finish
     * @param timeout how long a call may take before its reads are made one by one
     * @param maxAnswer the largest answer a call may bring back; a larger one fails the call the same way
     */
    public record WokenReadsProperties(
            @DefaultValue("500") int batchSize,
            @DefaultValue("5ms") Duration window,
            @DefaultValue("4") int maxCalls,
            @DefaultValue("3s") Duration timeout,
            @DefaultValue("16MB") DataSize maxAnswer) {

        public WokenReadsProperties {
            if (batchSize < 1 || batchSize > 500 || maxCalls < 1) {
                throw new IllegalArgumentException("pausepoint.gateway.long-poll.woken-reads: batch-size must be in "
                        + "1–500 and max-calls at least 1");
            }
        }
    }

    public LongPollProperties {
        if (maxPerDeveloper < 1 || (maxPerInstance != null && maxPerInstance < 1)) {
            throw new IllegalArgumentException("pausepoint.gateway.long-poll caps must be at least 1");
        }
        if (heapShare <= 0 || heapShare > 1) {
            throw new IllegalArgumentException("pausepoint.gateway.long-poll.heap-share must be in (0, 1], was "
                    + heapShare);
        }
    }

    /** This instance's cap for a JVM whose heap may grow to {@code maxHeapBytes}. */
    public int capacity(long maxHeapBytes) {
        if (maxPerInstance != null) {
            return maxPerInstance;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (long) (maxHeapBytes * heapShare) / bytesPerWaiter.toBytes()));
    }
}
