package dev.pausepoint.gateway.body;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How request bodies are received ({@code pausepoint.gateway.request-body}).
 *
 * @param timeout how long after its head a request's whole body may take to arrive; past it the answer
 *     is 408 and the connection is closed
 * @param maxBuffered the bytes of request bodies this instance holds at once, each from its first byte
 *     until its request is answered; a body that would go past it is refused with 503
 * @param maxBufferedPerAddress the share of that one client address may hold; a body that would go past
 *     it is refused with 429, so one address cannot take the whole ceiling from every other tenant
 */
@ConfigurationProperties("pausepoint.gateway.request-body")
public record RequestBodyProperties(@DefaultValue("10s") Duration timeout, @DefaultValue("32MB") DataSize maxBuffered,
        @DefaultValue("2MB") DataSize maxBufferedPerAddress) {

    public RequestBodyProperties {
        if (timeout.isNegative() || timeout.isZero() || maxBuffered.toBytes() < 1 || maxBufferedPerAddress.toBytes() < 1) {
            throw new IllegalArgumentException("pausepoint.gateway.request-body.timeout, .max-buffered and "
                    + ".max-buffered-per-address must be positive");
        }
    }
}
