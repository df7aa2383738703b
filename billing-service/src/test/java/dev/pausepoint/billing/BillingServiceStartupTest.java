package dev.pausepoint.billing;

import dev.pausepoint.kit.ServiceStartupContract;
import java.util.Set;

class BillingServiceStartupTest extends ServiceStartupContract {

    @Override
    protected Set<String> ownTables() {
        return Set.of("outbox_event", "subscription", "paddle_event");
    }
}
