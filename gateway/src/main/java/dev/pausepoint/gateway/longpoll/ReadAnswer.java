package dev.pausepoint.gateway.longpoll;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A read of the waited-on pause, as it is written to the waiting client: one read through the route
 * ({@link #of(CapturedAnswer)}), or the pause cut out of a batch of woken reads ({@link #woken}). A woken
 * one keeps the batch's headers, shared by every pause of the call, and is written to the client as it is,
 * not copied into a response of its own first: 10,000 waiters woken together each cost that copy and its
 * header map.
 *
 * @param status the read's status, null when the route set none
 * @param headers the read's headers (a woken one's are read-only and shared)
 * @param body the read's body as it came
 * @param length whether the body's length is to be written as {@code Content-Length} (a woken read's; a read
 *     through the route carries its own framing headers)
 */
record ReadAnswer(HttpStatusCode status, HttpHeaders headers, byte[] body, boolean length) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ReadAnswer of(CapturedAnswer captured) {
        return new ReadAnswer(captured.getStatusCode(), captured.getHeaders(), captured.body(), false);
    }

    static ReadAnswer woken(HttpStatusCode status, HttpHeaders sharedHeaders, byte[] body) {
        return new ReadAnswer(status, sharedHeaders, body, true);
    }

    /** Whether this is a pause that is still pending: a 200 JSON object whose own {@code status} is "pending". */
    boolean pending() {
        if (status == null || status.value() != 200) {
            return false;
        }
        MediaType type = headers.getContentType();
        if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return false;
        }
        return "pending".equals(topLevelStatus(body));
    }

    /**
     * The body's top-level {@code status} string, read token by token up to it instead of into a tree (every
     * woken waiter's answer passes here); null when there is none or the body is not a JSON object.
     */
    private static String topLevelStatus(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("status".equals(name)) {
                    return value == JsonToken.VALUE_STRING ? parser.getString() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    /** Writes this answer to the client as the service gave it. */
    Mono<Void> writeTo(ServerHttpResponse client) {
        if (status != null) {
            client.setStatusCode(status);
        }
        HttpHeaders target = client.getHeaders();
        headers.forEach(target::addAll);
        if (length) {
            target.setContentLength(body.length);
        }
        return client.writeWith(Mono.fromSupplier(() -> client.bufferFactory().wrap(body)));
    }
}
