package dev.pausepoint.testsupport.spring;

import dev.pausepoint.testsupport.MutableClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * {@code @Import} it to replace the service's clock with a {@link MutableClock}: real time until a test
 * freezes it, so schedules (retries, windows) can be stepped through exactly.
 */
@Configuration(proxyBeanMethods = false)
public class MutableClockConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }
}
