package dev.pausepoint.billing;

import dev.pausepoint.kit.ServiceStartupContract;
import dev.pausepoint.kit.mail.EnableMail;
import dev.pausepoint.kit.plan.EnablePlans;
import java.lang.annotation.Annotation;
import java.util.Set;

class BillingServiceStartupTest extends ServiceStartupContract {

    @Override
    protected Set<String> ownTables() {
        return Set.of("outbox_event", "subscription", "paddle_event");
    }

    @Override
    protected Set<Class<? extends Annotation>> enabledPieces() {
        return Set.of(EnablePlans.class, EnableMail.class);
    }
}
