package dev.pausepoint.kit.openapi;

import dev.pausepoint.errors.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.LinkedHashMap;
import io.swagger.v3.oas.models.Paths;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The pieces every service's document shares, defined here once so the merged document holds one copy:
 * the error envelope with every error code, one example per code, the two bearer credentials, the
 * {@code PausePoint-Mode} and {@code X-Request-Id} request headers and the headers of every answer.
 */
class SharedComponents implements OpenApiCustomizer {

    static final String SCHEMAS = "#/components/schemas/";
    static final String PARAMETERS = "#/components/parameters/";
    static final String HEADERS = "#/components/headers/";
    static final String EXAMPLES = "#/components/examples/";
    static final String ERROR_ENVELOPE = "ErrorEnvelope";
    static final String API_KEY = "ApiKey";
    static final String SESSION = "Session";
    static final String MODE = "PausePointMode";
    static final String REQUEST_ID = "RequestId";
    /** Headers on every answer of an operation (docs/api-reference.md, "Conventions"). */
    static final List<String> EVERY_ANSWER = List.of("X-Request-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining",
            "X-RateLimit-Reset");

    private final SchemaReferences references;

    SharedComponents(SchemaReferences references) {
        this.references = references;
    }

    @Override
    public void customise(OpenAPI document) {
        Components components = document.getComponents() != null ? document.getComponents() : new Components();
        document.setComponents(components);
        components.addSchemas(ERROR_ENVELOPE, envelope());
        components.addSchemas("FieldIssue", new Schema<>().types(Set.of("object")).description("One failing field.")
                .addProperty("field", new Schema<>().types(Set.of("string")).description("The field's JSON name or path."))
                .addProperty("issue", new Schema<>().types(Set.of("string")).description("What is wrong with it."))
                .required(List.of("field", "issue")));
        for (ErrorCode code : ErrorCode.values()) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("error", code.name());
            value.put("message", "A sentence for a person, saying what went wrong and what to do.");
            value.put("status_code", code.status());
            if (code == ErrorCode.VALIDATION_ERROR) {
                value.put("detail", List.of(Map.of("field", "message", "issue", "must be at most 2000 characters")));
            }
            if (code == ErrorCode.TOKEN_USED) {
                value.put("choice", "Approve");
            }
            components.addExamples(code.name(), new Example().summary(code.name()).value(value));
        }
        components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("pp_live_<48 hex> or pp_test_<48 hex>")
                .description("An API key. It acts in its own world: live or test."));
        components.addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("pps_<48 hex>")
                .description("A session token from POST /v1/auth/login, valid 12 h. It acts in the world named by"
                        + " PausePoint-Mode."));
        components.addParameters(MODE, new Parameter().in("header").name("PausePoint-Mode").required(false)
                .description("The world a session acts in; live when absent. With an API key it must name the"
                        + " key's own world (else 403 KEY_MODE_NOT_ALLOWED); anything else is 422.")
                .schema(new Schema<String>().types(Set.of("string"))._enum(List.of("live", "test"))));
        components.addParameters(REQUEST_ID, new Parameter().in("header").name("X-Request-Id").required(false)
                .description("The client's request id, echoed in the answer when well formed; else one is made.")
                .schema(new Schema<String>().types(Set.of("string"))));
        components.addHeaders("X-Request-Id", header("string", "The request's id, quoted by errors and logs."));
        components.addHeaders("X-RateLimit-Limit", header("integer", "Requests allowed in the current window."));
        components.addHeaders("X-RateLimit-Remaining", header("integer", "Requests left in the current window."));
        components.addHeaders("X-RateLimit-Reset", header("integer", "Unix second at which the window resets."));
        components.addHeaders("Retry-After", header("integer", "Whole seconds to wait before trying again, at least 1."));
        components.addHeaders("Allow", header("string", "The methods the path answers."));
        components.addHeaders("Content-Disposition", header("string", "attachment; filename=\"...\": the file's name."));
        references.addTo(document);
        snakeCasePathVariables(document);
    }

    /**
     * Path variables as the reference names them ({@code {pause_id}}, not the handler's {@code {pauseId}}),
     * like every other name on the wire.
     */
    private static void snakeCasePathVariables(OpenAPI document) {
        if (document.getPaths() == null) {
            return;
        }
        Paths renamed = new Paths();
        document.getPaths().forEach((path, item) -> {
            renamed.addPathItem(VARIABLE.matcher(path).replaceAll(match -> "{" + snake(match.group(1)) + "}"), item);
            item.readOperations().stream().filter(operation -> operation.getParameters() != null)
                    .flatMap(operation -> operation.getParameters().stream())
                    .filter(parameter -> "path".equals(parameter.getIn()))
                    .forEach(parameter -> parameter.setName(snake(parameter.getName())));
        });
        document.setPaths(renamed);
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private static String snake(String name) {
        return name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    private static Header header(String type, String description) {
        return new Header().description(description).schema(new Schema<>().types(Set.of(type)));
    }

    private static Schema<?> envelope() {
        Schema<String> error = new Schema<String>().types(Set.of("string")).description("The error code.");
        error.setEnum(Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toList());
        Schema<?> detail = new Schema<>().types(Set.of("array")).description("VALIDATION_ERROR only: every failing field.")
                .items(new Schema<>().$ref(SCHEMAS + "FieldIssue"));
        return new Schema<>().types(Set.of("object"))
                .description("The body of every error, from every service and from the gateway.")
                .addProperty("error", error)
                .addProperty("message", new Schema<>().types(Set.of("string")).description("For a person; quotes the request id on 500."))
                .addProperty("status_code", new Schema<>().types(Set.of("integer")).description("The HTTP status, repeated."))
                .addProperty("detail", detail)
                .addProperty("choice", new Schema<>().types(Set.of("string"))
                        .description("TOKEN_USED from a response link only: the answer that was recorded."))
                .required(List.of("error", "message", "status_code"))
                .additionalProperties(false);
    }

}
