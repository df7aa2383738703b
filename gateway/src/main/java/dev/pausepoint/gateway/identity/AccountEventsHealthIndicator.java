package dev.pausepoint.gateway.identity;

import dev.pausepoint.gateway.identity.AccountEventsMonitor.AccountEventsState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code accountEvents} on the management port ({@code /actuator/health/account-events}): UP while this
 * instance's key cache answers because revocations reach it, DOWN while every key is looked up in
 * billing-service (before the consumer first holds its partitions, and while the broker is silent).
 * DOWN is not a reason to take the instance out of service, so it is kept out of readiness.
 */
public class AccountEventsHealthIndicator implements HealthIndicator {

    private final AccountEventsMonitor monitor;

    public AccountEventsHealthIndicator(AccountEventsMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        AccountEventsState state = monitor.state();
        Health.Builder health = state.keyCacheInUse() ? Health.up() : Health.down();
        health.withDetail("key_cache", state.keyCacheInUse() ? "in use"
                        : "bypassed: every API key is looked up in billing-service")
                .withDetail("assigned_partitions", state.assignedPartitions())
                .withDetail("cached_keys", state.cachedKeys());
        if (state.millisSinceBrokerContact() != null) {
            health.withDetail("ms_since_broker_contact", state.millisSinceBrokerContact());
        }
        return health.build();
    }
}
