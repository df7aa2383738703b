package dev.pausepoint.errors.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON logs (LOG_FORMAT=ecs|logstash) through the shared logback.xml: every line parses as JSON, carries
 * the correlation ids under the format's names, and masks response and reset tokens in the message and
 * the stack trace as the pattern does.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogMaskingTest {

    private static final String TOKEN = "AQEAAAAAZm9vYmFyYmF6cXV4.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";
    private static final String REQUEST_ID = "req_0123456789abcdef";

    @ParameterizedTest
    @CsvSource({"ecs, trace.id, span.id, http.request.id", "logstash, traceId, spanId, request_id"})
    void jsonLinesCarryTheIdsAndMaskTokens(String format, String traceField, String spanField, String requestField,
            CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start(format)) {
            Logger log = LoggerFactory.getLogger("some.library");
            MDC.setContextMap(Map.of("traceId", TRACE_ID, "spanId", SPAN_ID, "request_id", REQUEST_ID));
            try {
                log.info("Refused GET /respond/{} from 1.2.3.4", TOKEN);
                log.warn("Decoding failed", new IllegalArgumentException("bad link /reset-password?token=" + TOKEN));
            } finally {
                MDC.clear();
            }
        }
        List<JsonNode> lines = output.getOut().lines().filter(line -> line.contains("some.library"))
                .map(JsonMapper.shared()::readTree).toList();
        assertThat(lines).hasSize(2).allSatisfy(line -> {
            assertThat(line.path(traceField).asString()).isEqualTo(TRACE_ID);
            assertThat(line.path(spanField).asString()).isEqualTo(SPAN_ID);
            assertThat(line.path(requestField).asString()).isEqualTo(REQUEST_ID);
        });
        assertThat(lines.get(0).path("message").asString()).isEqualTo("Refused GET /respond/AQEAAA… from 1.2.3.4");
        assertThat(lines.get(1).toString()).contains("bad link /reset-password?token=AQEAAA…",
                "StructuredLogMaskingTest");
        assertThat(output.getOut()).doesNotContain(TOKEN);
    }

    @AfterEach
    void patternLogsAgain() {
        start(null).close();
    }

    /**
     * Starts an application logging through the shared configuration in {@code format} (null: the pattern).
     * Logging is set up once while an application holds it (other tests' cached contexts may), and Boot
     * hands the format to Logback as a system property it does not overwrite, so both are reset first.
     */
    private static ConfigurableApplicationContext start(String format) {
        LoggingSystem.get(StructuredLogMaskingTest.class.getClassLoader()).cleanUp();
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        List<String> args = new ArrayList<>(List.of("--logging.config=classpath:dev/pausepoint/errors/logging/logback.xml",
                "--spring.main.banner-mode=off"));
        if (format != null) {
            args.add("--logging.structured.format.console=" + format);
        }
        return application.run(args.toArray(String[]::new));
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
