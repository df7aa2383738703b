package dev.pausepoint.gateway.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.gateway.GatewayIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/**
 * The access line written without Logback's pattern layout reads as the pattern would have written it:
 * compared, past the time, with a line Logback writes for the same logger, ids, message and thread
 * (docs/tracing-and-logs.md, "Log lines").
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessLineTest extends GatewayIntegrationTest {

    /** time, then the rest of the line: thread, [trace,span,request], logger and message. */
    private static final Pattern ACCESS = Pattern.compile(
            "(?m)^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(?:Z|[+-]\\d\\d:\\d\\d)) (.* \\[(.{15})\\] "
                    + "\\[([0-9a-f]{32}),([0-9a-f]{16}),(req_[0-9a-f]{32})\\] dev\\.pausepoint\\.gateway\\.access +: "
                    + "(GET /respond/\\S+ 200 \\d+ms))$");

    @Test
    void theLineReadsAsLogbacksPatternWritesItWithItsSecretMasked(CapturedOutput output) throws Exception {
        String token = "AQEAAAsecretpartofthetoken.sig";
        HttpResponse<String> reply = call(port, "GET", "/respond/" + token);
        assertThat(reply.statusCode()).isEqualTo(200);
        String requestId = reply.headers().firstValue("X-Request-Id").orElseThrow();
        Matcher line = await().atMost(Duration.ofSeconds(10)).until(() -> {
            Matcher matcher = ACCESS.matcher(output.getOut());
            while (matcher.find()) {
                if (matcher.group(6).equals(requestId)) {
                    return matcher;
                }
            }
            return null;
        }, matcher -> matcher != null);
        assertThat(line.group(7)).startsWith("GET /respond/AQEAAA… 200 ").doesNotContain("secret");

        // The same line through Logback's pattern, on a thread whose name is the access line's thread column.
        Thread reference = new Thread(() -> {
            MDC.put("traceId", line.group(4));
            MDC.put("spanId", line.group(5));
            MDC.put("request_id", line.group(6));
            try {
                LoggerFactory.getLogger(AccessLine.LOGGER).info("GET /respond/" + token + line.group(7)
                        .substring(line.group(7).indexOf(" 200 ")));
            } finally {
                MDC.clear();
            }
        }, line.group(3).strip());
        reference.start();
        reference.join(5_000);
        List<String> lines = Arrays.stream(output.getOut().split("\\R"))
                .filter(candidate -> candidate.contains(AccessLine.LOGGER) && candidate.contains(requestId)).toList();
        assertThat(lines).as("the gateway's line, then Logback's").hasSize(2);
        String written = lines.get(1);
        Matcher logbacks = ACCESS.matcher(written);
        assertThat(logbacks.matches()).as(written).isTrue();
        assertThat(line.group(2)).isEqualTo(logbacks.group(2));
        assertThat(line.group(1).length()).isEqualTo(logbacks.group(1).length());
        assertThat(line.group(1).substring(line.group(1).length() - 1))
                .as("the same time zone").isEqualTo(logbacks.group(1).substring(logbacks.group(1).length() - 1));
    }

    @Autowired
    Environment environment;

    @Test
    void logbackWritesTheLineWhenTheConsoleLayoutIsNotBootsDefault() {
        assertThat(AccessLogConfiguration.isBootsConsoleLayout(environment))
                .as("the gateway's own settings: the line is written by hand").isTrue();
        assertThat(AccessLogConfiguration.isBootsConsoleLayout(gatewaysLogging())).isTrue();
        assertThat(AccessLogConfiguration.isBootsConsoleLayout(gatewaysLogging()
                .withProperty("logging.structured.format.console", "ecs"))).isFalse();
        assertThat(AccessLogConfiguration.isBootsConsoleLayout(gatewaysLogging()
                .withProperty("logging.pattern.console", "%m%n"))).isFalse();
        assertThat(AccessLogConfiguration.isBootsConsoleLayout(gatewaysLogging()
                .withProperty("logging.pattern.correlation", ""))).isFalse();
        assertThat(AccessLogConfiguration.isBootsConsoleLayout(gatewaysLogging()
                .withProperty("logging.threshold.console", "warn"))).isFalse();
        assertThat(AccessLogConfiguration.isBootsConsoleLayout(gatewaysLogging()
                .withProperty("logging.structured.format.console", ""))).as("LOG_FORMAT unset").isTrue();
    }

    @Test
    void theTimeIsWrittenToTheMillisecondInTheGivenZone() {
        AccessLine utc = new AccessLine(java.time.ZoneOffset.UTC, 42, "gateway", "");
        AccessLine paris = new AccessLine(java.time.ZoneId.of("Europe/Paris"), 42, "gateway", "");
        long at = java.time.Instant.parse("2026-11-30T07:24:26.004Z").toEpochMilli();
        assertThat(utc.format(at, "reactor-http-epoll-2", "t", "s", "r", "GET / 200 1ms")).isEqualTo(
                "2026-11-30T07:24:26.004Z  INFO 42 --- [gateway] [or-http-epoll-2] [t,s,r] "
                        + "dev.pausepoint.gateway.access            : GET / 200 1ms" + System.lineSeparator());
        assertThat(paris.format(at + 1_000, "main", null, null, null, "m")).isEqualTo(
                "2026-11-30T08:24:27.004+01:00  INFO 42 --- [gateway] [           main] [,,] "
                        + "dev.pausepoint.gateway.access            : m" + System.lineSeparator());
    }

    private static MockEnvironment gatewaysLogging() {
        return new MockEnvironment().withProperty("logging.pattern.correlation", AccessLogConfiguration.CORRELATION);
    }
}
