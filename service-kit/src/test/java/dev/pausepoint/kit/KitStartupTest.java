package dev.pausepoint.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

@KitTestProperties
class KitStartupTest extends ServiceStartupContract {

    @Value("${server.tomcat.threads.max}")
    int tomcatThreads;

    @Value("${server.shutdown}")
    String shutdown;

    @Override
    protected Set<String> ownTables() {
        return Set.of("outbox_event", "processed_event", "kit_probe");
    }

    @Test
    void defaultsApplyBeneathTheServicesOwnSettings() {
        assertThat(tomcatThreads).as("kit default").isEqualTo(64);
        assertThat(shutdown).as("the service's own value wins over the kit default").isEqualTo("immediate");
    }
}
