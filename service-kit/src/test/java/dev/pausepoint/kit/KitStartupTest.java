package dev.pausepoint.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {
        "spring.application.name=kit-test",
        "pausepoint.database=kit_test",
        "spring.flyway.locations=classpath:db/kit-test,classpath:db/kit/outbox,classpath:db/kit/inbox",
        "pausepoint.outbox.enabled=true",
        "pausepoint.inbox.enabled=true",
        "pausepoint.outbox.send-timeout=3s",
        "server.shutdown=immediate"})
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
