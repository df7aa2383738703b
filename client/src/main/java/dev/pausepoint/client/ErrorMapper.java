package dev.pausepoint.client;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** Turns an error answer into the exception of its code ({@code docs/api-reference.md}, Errors). */
final class ErrorMapper {

    private static final Map<String, Function<ApiError, PausePointException>> BY_CODE = Map.ofEntries(
            Map.entry("INVALID_CHANNEL", InvalidChannelException::new),
            Map.entry("INVALID_OPTIONS", InvalidOptionsException::new),
            Map.entry("INVALID_CHOICE", InvalidChoiceException::new),
            Map.entry("INVALID_TOKEN", InvalidTokenException::new),
            Map.entry("INVALID_API_KEY", InvalidApiKeyException::new),
            Map.entry("INVALID_CREDENTIALS", InvalidCredentialsException::new),
            Map.entry("PLAN_LIMIT_REACHED", PlanLimitReachedException::new),
            Map.entry("CHANNEL_NOT_ALLOWED", ChannelNotAllowedException::new),
            Map.entry("KEY_MODE_NOT_ALLOWED", KeyModeNotAllowedException::new),
            Map.entry("PAUSE_NOT_FOUND", PauseNotFoundException::new),
            Map.entry("WEBHOOK_NOT_FOUND", WebhookNotFoundException::new),
            Map.entry("NOT_FOUND", NotFoundException::new),
            Map.entry("METHOD_NOT_ALLOWED", MethodNotAllowedException::new),
            Map.entry("NOT_ACCEPTABLE", NotAcceptableException::new),
            Map.entry("REQUEST_TIMEOUT", RequestTimeoutException::new),
            Map.entry("ALREADY_RESPONDED", AlreadyRespondedException::new),
            Map.entry("ALREADY_CANCELLED", AlreadyCancelledException::new),
            Map.entry("ALREADY_TIMED_OUT", AlreadyTimedOutException::new),
            Map.entry("EMAIL_TAKEN", EmailTakenException::new),
            Map.entry("IDEMPOTENCY_CONFLICT", IdempotencyConflictException::new),
            Map.entry("TOKEN_EXPIRED", TokenExpiredException::new),
            Map.entry("TOKEN_USED", TokenUsedException::new),
            Map.entry("PAYLOAD_TOO_LARGE", PayloadTooLargeException::new),
            Map.entry("URI_TOO_LONG", UriTooLongException::new),
            Map.entry("UNSUPPORTED_MEDIA_TYPE", UnsupportedMediaTypeException::new),
            Map.entry("VALIDATION_ERROR", ValidationException::new),
            Map.entry("RATE_LIMITED", RateLimitedException::new),
            Map.entry("REQUEST_HEADERS_TOO_LARGE", RequestHeadersTooLargeException::new),
            Map.entry("INTERNAL_ERROR", InternalErrorException::new),
            Map.entry("BILLING_NOT_CONFIGURED", BillingNotConfiguredException::new),
            Map.entry("SERVICE_UNAVAILABLE", ServiceUnavailableException::new));

    private ErrorMapper() {
    }

    static PausePointException toException(int status, byte[] body, String requestId, Duration retryAfter) {
        JsonNode envelope = parse(body);
        String code = envelope.path("error").asString(null);
        String message = envelope.path("message").asString(null);
        if (message == null) {
            message = "HTTP " + status + (code == null ? " without an error envelope" : " " + code);
        }
        ApiError error = new ApiError(status, code, message, envelope, requestId, retryAfter);
        return BY_CODE.getOrDefault(code == null ? "" : code, PausePointException::new).apply(error);
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : Json.MAPPER.readTree(body);
            return node == null || !node.isObject() ? MissingNode.getInstance() : node;
        } catch (JacksonException notJson) {
            return MissingNode.getInstance();
        }
    }
}
