package dev.pausepoint.pause;

import dev.pausepoint.kit.ServiceStartupContract;
import java.util.Set;

class PauseServiceStartupTest extends ServiceStartupContract {

    @Override
    protected Set<String> ownTables() {
        return Set.of("outbox_event", "processed_event");
    }
}
