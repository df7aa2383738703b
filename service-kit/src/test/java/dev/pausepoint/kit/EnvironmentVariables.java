package dev.pausepoint.kit;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Environment variables for a test context, without touching the process's own. */
public final class EnvironmentVariables {

    private EnvironmentVariables() {
    }

    /** {@code variables} ahead of every other source; Boot maps their names to properties as for the real ones. */
    public static ApplicationContextInitializer<ConfigurableApplicationContext> of(Map<String, Object> variables) {
        // The name matters: Boot applies its variable-name mapping to sources named like the real environment.
        return context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource("test-systemEnvironment", variables));
    }
}
