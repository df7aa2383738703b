package dev.pausepoint.kit.openapi;

import dev.pausepoint.errors.ErrorCode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Turns each handler's {@link ApiOperation} into the operation the document shows: id, tag, security,
 * the request and answer schemas, and every error it can answer, each status with the envelope and the
 * codes it may carry, and the headers every answer has. A public handler without the annotation fails the
 * document, so no route is published half described.
 */
class PublicOperations implements OperationCustomizer {

    /** What the gateway may answer on any route before or instead of the service (docs/api-reference.md, "Errors"). */
    private static final Set<ErrorCode> ANY_ROUTE = EnumSet.of(ErrorCode.NOT_ACCEPTABLE, ErrorCode.REQUEST_TIMEOUT,
            ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.URI_TOO_LONG, ErrorCode.VALIDATION_ERROR, ErrorCode.RATE_LIMITED,
            ErrorCode.REQUEST_HEADERS_TOO_LARGE, ErrorCode.INTERNAL_ERROR, ErrorCode.SERVICE_UNAVAILABLE);

    /** What a credential brings: an unknown or expired one, or a {@code PausePoint-Mode} naming the other world. */
    private static final Set<ErrorCode> WITH_CREDENTIAL = EnumSet.of(ErrorCode.INVALID_API_KEY,
            ErrorCode.KEY_MODE_NOT_ALLOWED);

    private final SchemaReferences references;

    PublicOperations(SchemaReferences references) {
        this.references = references;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiOperation api = handler.getMethodAnnotation(ApiOperation.class);
        if (api == null) {
            throw new IllegalStateException(handler.getShortLogMessage()
                    + " is a public route without @ApiOperation: the OpenAPI document would not describe it");
        }
        operation.setOperationId(api.id());
        operation.setTags(List.of(api.tag()));
        operation.setSummary(api.summary());
        operation.setDescription(api.description().isEmpty() ? null : api.description());
        operation.setSecurity(security(api.access()));
        addParameters(operation, api.access());
        if (api.body() != Void.class) {
            operation.setRequestBody(new RequestBody().required(api.bodyRequired()).content(new Content()
                    .addMediaType(api.bodyMediaType(), new MediaType().schema(references.to(api.body())))));
        }
        ApiResponses responses = operation.getResponses();
        String success = responses.keySet().stream().filter(status -> status.startsWith("2")).findFirst()
                .orElse("200");
        ApiResponse ok = responses.computeIfAbsent(success, status -> new ApiResponse());
        responses.keySet().removeIf(status -> !status.equals(success));
        if (ok.getDescription() == null || ok.getDescription().isEmpty() || ok.getDescription().equals("OK")) {
            ok.setDescription(api.summary());
        }
        if (api.response() != Void.class || api.responseMediaTypes().length > 0) {
            Schema<?> schema = api.response() != Void.class ? references.to(api.response()) : ok.getContent()
                    .values().iterator().next().getSchema();
            List<String> mediaTypes = api.responseMediaTypes().length > 0 ? List.of(api.responseMediaTypes())
                    : List.of(JSON);
            Content content = new Content().addMediaType(mediaTypes.get(0), new MediaType().schema(schema));
            mediaTypes.stream().skip(1).forEach(type -> content.addMediaType(type,
                    new MediaType().schema(new Schema<>().types(Set.of("string")))));
            ok.setContent(content);
        }
        Map<String, Header> okHeaders = commonHeaders();
        for (String name : api.responseHeaders()) {
            okHeaders.put(name, new Header().$ref(SharedComponents.HEADERS + name));
        }
        ok.setHeaders(okHeaders);
        errors(api).forEach((status, codes) -> responses.addApiResponse(status, error(codes)));
        if (api.page()) {
            // The page answers what a person can fix at the status that fits, as a page; the gateway's
            // refusals at those statuses stay in the envelope.
            responses.forEach((status, response) -> {
                if (!status.startsWith("2") && response.getContent() != null) {
                    response.getContent().addMediaType("text/html",
                            new MediaType().schema(new Schema<>().types(Set.of("string"))));
                }
            });
            responses.addApiResponse("default", new ApiResponse().headers(commonHeaders())
                    .description("A page saying what went wrong and what the person can do, at the status that fits.")
                    .content(new Content().addMediaType("text/html", new MediaType().schema(new Schema<>().types(Set.of("string"))))));
        }
        return operation;
    }

    static final String JSON = "application/json";

    private static List<SecurityRequirement> security(Access access) {
        return switch (access) {
            case NONE, SIGNATURE -> List.of();
            case API_KEY -> List.of(new SecurityRequirement().addList(SharedComponents.API_KEY));
            case SESSION -> List.of(new SecurityRequirement().addList(SharedComponents.SESSION));
            case CREDENTIAL -> List.of(new SecurityRequirement().addList(SharedComponents.API_KEY),
                    new SecurityRequirement().addList(SharedComponents.SESSION));
        };
    }

    private static void addParameters(Operation operation, Access access) {
        List<Parameter> parameters = operation.getParameters() != null ? new ArrayList<>(operation.getParameters())
                : new ArrayList<>();
        if (access.takesSession()) {
            parameters.add(new Parameter().$ref(SharedComponents.PARAMETERS + SharedComponents.MODE));
        }
        parameters.add(new Parameter().$ref(SharedComponents.PARAMETERS + SharedComponents.REQUEST_ID));
        operation.setParameters(parameters);
    }

    private static Map<String, Set<ErrorCode>> errors(ApiOperation api) {
        Set<ErrorCode> all = new LinkedHashSet<>(List.of(api.errors()));
        all.addAll(ANY_ROUTE);
        if (api.access().takesCredential()) {
            all.addAll(WITH_CREDENTIAL);
        }
        if (api.body() != Void.class) {
            all.add(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        return all.stream().collect(Collectors.groupingBy(code -> String.valueOf(code.status()), TreeMap::new,
                Collectors.toCollection(() -> EnumSet.noneOf(ErrorCode.class))));
    }

    private static ApiResponse error(Set<ErrorCode> codes) {
        Map<String, Header> headers = commonHeaders();
        if (codes.contains(ErrorCode.RATE_LIMITED) || codes.contains(ErrorCode.SERVICE_UNAVAILABLE)) {
            headers.put("Retry-After", new Header().$ref(SharedComponents.HEADERS + "Retry-After"));
        }
        Schema<?> envelope = new Schema<>().$ref(SharedComponents.SCHEMAS + SharedComponents.ERROR_ENVELOPE);
        MediaType json = new MediaType().schema(envelope);
        codes.forEach(code -> json.addExamples(code.name(), new io.swagger.v3.oas.models.examples.Example()
                .$ref(SharedComponents.EXAMPLES + code.name())));
        ApiResponse response = new ApiResponse()
                .description(codes.stream().map(ErrorCode::name).collect(Collectors.joining(", ")))
                .headers(headers)
                .content(new Content().addMediaType(JSON, json));
        response.addExtension("x-error-codes", codes.stream().map(ErrorCode::name).toList());
        return response;
    }

    private static Map<String, Header> commonHeaders() {
        Map<String, Header> headers = new TreeMap<>();
        for (String name : SharedComponents.EVERY_ANSWER) {
            headers.put(name, new Header().$ref(SharedComponents.HEADERS + name));
        }
        return headers;
    }
}
