package dev.pausepoint.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rate limits (docs/api-decisions.md, "Rate limits"), as configuration ({@code pausepoint.gateway.rate-limits}); a plan may raise or
 * lower its per-key limit under {@code plans.<plan>.api-key}.
 *
 * @param window the sliding window every limit is counted over
 * @param apiKey requests per window per API key (live and test counted apart)
 * @param clientIp requests per window per client IP for authenticated requests: the backstop over keys
 * @param unauthenticated requests per window per client IP without a credential (response routes, page,
 *     health, and failed authentications)
 * @param authEndpoints requests per window per client IP to register, login and password reset
 * @param providerCallbacks requests per window per client IP to the provider callbacks: high, so a busy
 *     provider is never throttled, but a ceiling all the same
 * @param ipv6PrefixLength how much of an IPv6 address the per-address windows count (see {@link AddressBuckets})
 */
@ConfigurationProperties("pausepoint.gateway.rate-limits")
public record RateLimitProperties(
        @DefaultValue("60s") Duration window,
        @DefaultValue("120") int apiKey,
        @DefaultValue("300") int clientIp,
        @DefaultValue("100") int unauthenticated,
        @DefaultValue("20") int authEndpoints,
        @DefaultValue("3000") int providerCallbacks,
        @DefaultValue("64") int ipv6PrefixLength,
        Map<String, PlanLimits> plans) {

    public record PlanLimits(Integer apiKey) {
    }

    public int apiKeyLimit(String plan) {
        if (plans != null && plan != null && plans.containsKey(plan) && plans.get(plan).apiKey() != null) {
            return plans.get(plan).apiKey();
        }
        return apiKey;
    }
}
