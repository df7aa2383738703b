package dev.pausepoint.response;

import dev.pausepoint.kit.ServiceStartupContract;
import dev.pausepoint.kit.token.EnableResponseTokens;
import java.lang.annotation.Annotation;
import java.util.Set;

class ResponseServiceStartupTest extends ServiceStartupContract {

    @Override
    protected Set<String> ownTables() {
        return Set.of("used_token");
    }

    @Override
    protected Set<Class<? extends Annotation>> enabledPieces() {
        return Set.of(EnableResponseTokens.class);
    }
}
