package dev.pausepoint.response;

import dev.pausepoint.kit.ServiceStartupContract;
import java.util.Set;

class ResponseServiceStartupTest extends ServiceStartupContract {

    @Override
    protected Set<String> ownTables() {
        return Set.of("used_token");
    }
}
