package dev.pausepoint.kit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/** The kit's own test application; one list, so the kit's test classes share one context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {
        "spring.application.name=kit-test",
        "pausepoint.database=kit_test",
        "spring.flyway.locations=classpath:db/kit-test,classpath:db/kit/outbox,classpath:db/kit/inbox",
        "pausepoint.outbox.enabled=true",
        "pausepoint.inbox.enabled=true",
        "pausepoint.outbox.send-timeout=3s",
        "server.shutdown=immediate",
        // What each service's application.yml sets (MANAGEMENT_PORT); the test itself picks a free port.
        "management.server.port=0"})
@interface KitTestProperties {
}
