package dev.pausepoint.gateway.accesslog;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class AccessLogConfiguration {

    /** The gateway's {@code logging.pattern.correlation}, the one {@link AccessLine} writes. */
    static final String CORRELATION = "[%X{traceId:-},%X{spanId:-},%X{request_id:-}] ";
    /** Settings that change the console's layout; with any of them set, Logback writes the line. */
    private static final List<String> LAYOUT_SETTINGS = List.of("logging.structured.format.console",
            "logging.pattern.console", "CONSOLE_LOG_PATTERN", "logging.pattern.dateformat", "LOG_DATEFORMAT_PATTERN",
            "logging.pattern.level", "LOG_LEVEL_PATTERN");
    private static final Set<String> THRESHOLDS_PASSING_INFO = Set.of("ALL", "TRACE", "DEBUG", "INFO");

    @Bean
    AccessLogFilter accessLogFilter(Environment environment) {
        return new AccessLogFilter(isBootsConsoleLayout(environment) ? new AccessLine(ZoneId.systemDefault(),
                ProcessHandle.current().pid(), applicationName(environment),
                environment.getProperty("spring.application.group", "")) : null);
    }

    /**
     * Whether the console writes Boot's default pattern with the gateway's correlation, uncoloured, and lets
     * INFO lines through.
     */
    static boolean isBootsConsoleLayout(Environment environment) {
        for (String setting : LAYOUT_SETTINGS) {
            String value = environment.getProperty(setting);
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        String threshold = environment.getProperty("logging.threshold.console", "INFO").trim();
        return CORRELATION.equals(environment.getProperty("logging.pattern.correlation"))
                && THRESHOLDS_PASSING_INFO.contains(threshold.toUpperCase(Locale.ROOT))
                && !"always".equalsIgnoreCase(environment.getProperty("spring.output.ansi.enabled"));
    }

    private static String applicationName(Environment environment) {
        return environment.getProperty("logging.include-application-name", Boolean.class, true)
                ? environment.getProperty("spring.application.name", "") : "";
    }
}
