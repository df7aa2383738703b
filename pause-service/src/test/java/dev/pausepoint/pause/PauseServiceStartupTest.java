package dev.pausepoint.pause;

import dev.pausepoint.kit.ServiceStartupContract;
import dev.pausepoint.kit.plan.EnablePlans;
import dev.pausepoint.kit.token.EnableResponseTokens;
import java.lang.annotation.Annotation;
import java.util.Set;

class PauseServiceStartupTest extends ServiceStartupContract {

    @Override
    protected Set<String> ownTables() {
        return Set.of("outbox_event", "processed_event");
    }

    @Override
    protected Set<Class<? extends Annotation>> enabledPieces() {
        return Set.of(EnablePlans.class, EnableResponseTokens.class);
    }
}
