package dev.pausepoint.gateway.longpoll;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's long-poll caps ({@code pausepoint.gateway.long-poll}).
 *
 * @param maxPerDeveloper waits one developer may have in flight at once per mode, across all gateway
 *     instances; the next is refused with 429
 * @param maxPerInstance waits in flight through this instance at once; each holds a pooled connection to
 *     pause-service, so this stays well under the pool's size, and the next is refused with 503
 * @param slotGrace how long past the end of its wait a developer's slot outlives a gateway instance that
 *     died holding it
 * @param busyRetryAfter what a wait refused because this instance is full is told to wait
 */
@ConfigurationProperties("pausepoint.gateway.long-poll")
public record LongPollProperties(
        @DefaultValue("100") int maxPerDeveloper,
        @DefaultValue("500") int maxPerInstance,
        @DefaultValue("5s") Duration slotGrace,
        @DefaultValue("5s") Duration busyRetryAfter) {

    public LongPollProperties {
        if (maxPerDeveloper < 1 || maxPerInstance < 1) {
            throw new IllegalArgumentException("pausepoint.gateway.long-poll caps must be at least 1");
        }
    }
}
