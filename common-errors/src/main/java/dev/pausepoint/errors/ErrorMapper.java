package dev.pausepoint.errors;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns any failure of a request into the error envelope (docs/api-reference.md, "Errors"). Shared by the
 * servlet and the reactive handlers so that both stacks answer the same failure with the same status, code
 * and message. Messages are written here, never copied from exceptions, so nothing internal leaks.
 *
 * <p>Only types both stacks have are named here; the servlet API is absent from the gateway, so
 * servlet-only exceptions are read by {@link #stackSpecificIssues}, overridden in the servlet package.
 */
public class ErrorMapper {

    private static final int MAX_CAUSE_DEPTH = 16;

    /** The response for one failure; {@code unexpected} marks a bug worth an ERROR log line. */
    public record MappedError(int status, ErrorBody body, Map<String, String> headers, boolean unexpected) {
    }

    public MappedError map(Throwable failure, String method, String path, String requestId) {
        ApiException api = findCause(failure, ApiException.class);
        if (api != null) {
            return new MappedError(api.code().status(), api.toBody(), api.responseHeaders(), false);
        }
        if (failure instanceof BindingResult binding) {
            return validation(fieldIssues(binding));
        }
        if (failure instanceof HandlerMethodValidationException methodValidation) {
            return validation(parameterIssues(methodValidation));
        }
        List<FieldIssue> requestValueIssues = stackSpecificIssues(failure);
        if (requestValueIssues == null) {
            requestValueIssues = requestValueIssues(failure);
        }
        if (requestValueIssues != null) {
            return validation(requestValueIssues);
        }
        JacksonException json = findCause(failure, JacksonException.class);
        if (json != null) {
            return validation(List.of(jsonIssue(json)));
        }
        if (failure instanceof HttpMessageNotReadableException) {
            return validation(List.of(new FieldIssue("body", "is missing or unreadable")));
        }
        if (failure instanceof ErrorResponse response) {
            return fromStatus(response, method, path, requestId);
        }
        if (findCause(failure, ConnectException.class) != null || findCause(failure, TimeoutException.class) != null
                || DatabaseFailures.unreachable(failure)) {
            return known(ErrorCode.SERVICE_UNAVAILABLE,
                    "A service needed for this request is unavailable; try again shortly.");
        }
        return internal(requestId);
    }

    /** A status raised without an exception, e.g. by the servlet container; there is no detail to use. */
    public MappedError mapStatus(int status, String method, String path, String requestId) {
        ErrorCode code = ErrorCode.forStatus(status);
        return switch (code) {
            case NOT_FOUND -> notFound(method, path);
            case INTERNAL_ERROR -> internal(requestId);
            case VALIDATION_ERROR -> validation(List.of(new FieldIssue("request", "is malformed")));
            default -> known(code, genericMessage(code));
        };
    }

    private MappedError fromStatus(ErrorResponse response, String method, String path, String requestId) {
        int status = response.getStatusCode().value();
        ErrorCode code = ErrorCode.forStatus(status);
        return switch (code) {
            case NOT_FOUND -> notFound(method, path);
            case METHOD_NOT_ALLOWED -> methodNotAllowed(response, method, path);
            case UNSUPPORTED_MEDIA_TYPE -> unsupportedMediaType(response);
            case INTERNAL_ERROR -> internal(requestId);
            // A framework-level 400 (unreadable body without a JSON cause, a bad header) is a schema problem.
            case VALIDATION_ERROR -> validation(List.of(new FieldIssue("body", "is missing or unreadable")));
            default -> known(code, genericMessage(code));
        };
    }

    private static MappedError notFound(String method, String path) {
        return known(ErrorCode.NOT_FOUND, "No endpoint " + method + " " + path + ".");
    }

    private static MappedError methodNotAllowed(ErrorResponse response, String method, String path) {
        var allowed = response.getHeaders().getAllow();
        String allow = allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
        String message = "Method " + method + " is not allowed on " + path
                + (allow.isEmpty() ? "." : "; allowed: " + allow + ".");
        Map<String, String> headers = allow.isEmpty() ? Map.of() : Map.of("Allow", allow);
        return new MappedError(405, ErrorBody.of(ErrorCode.METHOD_NOT_ALLOWED, message), headers, false);
    }

    private static MappedError unsupportedMediaType(ErrorResponse response) {
        MediaType sent = null;
        if (response instanceof HttpMediaTypeNotSupportedException servlet) {
            sent = servlet.getContentType();
        } else if (response instanceof UnsupportedMediaTypeStatusException reactive) {
            sent = reactive.getContentType();
        }
        String what = sent == null ? "A request without a Content-Type" : "Content-Type " + sent;
        return known(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                what + " is not supported here; send application/json.");
    }

    private static MappedError internal(String requestId) {
        return new MappedError(500, ErrorBody.of(ErrorCode.INTERNAL_ERROR,
                "An unexpected error occurred. Quote request id " + requestId + " when reporting it."),
                Map.of(), true);
    }

    private static MappedError known(ErrorCode code, String message) {
        return new MappedError(code.status(), ErrorBody.of(code, message), Map.of(), false);
    }

    private static MappedError validation(List<FieldIssue> issues) {
        return new MappedError(422, ErrorBody.validation(ValidationException.summarize(issues), issues),
                Map.of(), false);
    }

    private static String genericMessage(ErrorCode code) {
        return switch (code) {
            case NOT_ACCEPTABLE -> "This API answers with application/json; accept it.";
            case PAYLOAD_TOO_LARGE -> "Request body is too large.";
            case RATE_LIMITED -> "Too many requests; slow down.";
            case SERVICE_UNAVAILABLE -> "A service needed for this request is unavailable; try again shortly.";
            default -> "The request failed.";
        };
    }

    private static List<FieldIssue> fieldIssues(BindingResult binding) {
        Map<String, FieldIssue> issues = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            String field = FieldNames.toSnakeCase(error.getField());
            // Bean Validation may report several constraints of one field; the first is enough to act on.
            issues.putIfAbsent(field, new FieldIssue(field, describe(error.getDefaultMessage())));
        }
        binding.getGlobalErrors().forEach(error ->
                issues.putIfAbsent("body", new FieldIssue("body", describe(error.getDefaultMessage()))));
        return new ArrayList<>(issues.values());
    }

    private static List<FieldIssue> parameterIssues(HandlerMethodValidationException failure) {
        List<FieldIssue> issues = new ArrayList<>();
        failure.getParameterValidationResults().forEach(result -> {
            String name = FieldNames.toSnakeCase(String.valueOf(result.getMethodParameter().getParameterName()));
            result.getResolvableErrors().stream().findFirst().ifPresent(error ->
                    issues.add(new FieldIssue(name, describe(error.getDefaultMessage()))));
        });
        return issues.isEmpty() ? List.of(new FieldIssue("request", "is invalid")) : issues;
    }

    /** Field issues from exceptions only one web stack has; null when the failure is not one of them. */
    protected List<FieldIssue> stackSpecificIssues(Throwable failure) {
        return null;
    }

    /** Missing or mistyped query parameters and headers; null when the failure is not one of them. */
    private static List<FieldIssue> requestValueIssues(Throwable failure) {
        if (failure instanceof MissingRequestValueException missing) {
            return List.of(new FieldIssue(missing.getName(), "is required"));
        }
        TypeMismatchException mismatch = findCause(failure, TypeMismatchException.class);
        if (mismatch != null) {
            String name = mismatch.getPropertyName() != null ? mismatch.getPropertyName() : "request";
            return List.of(new FieldIssue(FieldNames.toSnakeCase(name), "must be " + jsonType(mismatch.getRequiredType())));
        }
        return null;
    }

    private static FieldIssue jsonIssue(JacksonException failure) {
        String path = jsonPath(failure);
        if (failure instanceof InvalidNullException) {
            return new FieldIssue(path, "must not be null");
        }
        if (failure instanceof MismatchedInputException mismatch) {
            return path.equals("body")
                    ? new FieldIssue("body", "must be a JSON object")
                    : new FieldIssue(path, "must be " + jsonType(mismatch.getTargetType()));
        }
        TokenStreamLocation location = failure.getLocation();
        String where = location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return new FieldIssue("body", "is not valid JSON" + where);
    }

    private static String jsonPath(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** How a Java target type reads to a client who only sees JSON. */
    static String jsonType(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class || type == Character.class || type == char.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 timestamp";
        }
        return "an object";
    }

    private static String describe(String constraintMessage) {
        return constraintMessage == null || constraintMessage.isBlank() ? "is invalid" : constraintMessage;
    }

    static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return null;
    }
}
