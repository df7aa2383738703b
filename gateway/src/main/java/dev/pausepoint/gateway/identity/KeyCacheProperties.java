package dev.pausepoint.gateway.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this instance remembers billing-service's answers ({@code pausepoint.gateway.key-cache}).
 *
 * @param maximumSize API keys held at most
 * @param expiry how long a key is held at most; a safety net only, revocations are events
 * @param unknownExpiry how long a credential billing did not know is answered as unknown without asking
 *     again (see {@link CredentialCache} for why that never delays a new key)
 * @param unknownMaximumSize unknown credentials held at most, apart from the keys so a flood of random
 *     ones cannot evict them
 * @param brokerContactTimeout how long the account-events consumer may go without a fetch answered by the
 *     broker before the key cache is bypassed (see {@link AccountEventsMonitor})
 */
@ConfigurationProperties("pausepoint.gateway.key-cache")
public record KeyCacheProperties(
        @DefaultValue("100000") long maximumSize,
        @DefaultValue("10m") Duration expiry,
        @DefaultValue("5s") Duration unknownExpiry,
        @DefaultValue("10000") long unknownMaximumSize,
        @DefaultValue("10s") Duration brokerContactTimeout) {
}
