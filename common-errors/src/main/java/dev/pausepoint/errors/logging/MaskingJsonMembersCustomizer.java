package dev.pausepoint.errors.logging;

import java.util.Map;
import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.NameProcessor;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.core.env.Environment;

/**
 * What the masking converters do for the pattern, done for JSON lines: Boot's structured formats write
 * the message and the stack trace themselves, bypassing every converter, so {@link SecretMasking} is
 * applied here to every string value of the line (message, stack trace, MDC). Registered in
 * {@code META-INF/spring.factories}, so every process that logs JSON masks, whatever its configuration.
 *
 * <p>In the ECS format the correlation ids also take their ECS names ({@code trace.id}, {@code span.id},
 * {@code http.request.id}), which Elastic's tooling links to traces; Logstash lines keep the MDC names
 * ({@code traceId}, {@code spanId}, {@code request_id}).
 */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    static final Map<String, String> ECS_NAMES = Map.of(
            "traceId", "trace.id",
            "spanId", "span.id",
            "request_id", "http.request.id");

    private final boolean ecs;

    public MaskingJsonMembersCustomizer(Environment environment) {
        this.ecs = "ecs".equalsIgnoreCase(environment.getProperty("logging.structured.format.console", "").trim());
    }

    @Override
    public void customize(Members<Object> members) {
        members.applyingValueProcessor(ValueProcessor.of(String.class, SecretMasking::mask));
        if (ecs) {
            members.applyingNameProcessor(ecsNames());
        }
    }

    private static NameProcessor ecsNames() {
        return NameProcessor.of(name -> ECS_NAMES.getOrDefault(name, name));
    }
}
