package dev.pausepoint.client;

import java.time.Duration;
import java.util.Map;

/**
 * One API call as the transport sends it.
 *
 * @param pathAndQuery already encoded ({@link PathSegment}, {@link QueryString})
 * @param body JSON, or null for none
 * @param idempotent whether sending it twice does no more than sending it once (may be retried after it
 *     might have reached the server)
 * @param stream whether a successful answer's body is handed over as a stream instead of read whole
 * @param timeout the whole request's timeout, or null for the client's
 * @param okStatuses the statuses that are an answer rather than an error: 2xx when null
 * @param retryRefusals whether a 429 (or 503 with Retry-After) is retried by the transport; a caller with
 *     its own deadline (the long-poll loop) handles them itself
 */
record Call(String method, String pathAndQuery, byte[] body, Map<String, String> headers, boolean idempotent,
        boolean stream, Duration timeout, int[] okStatuses, boolean retryRefusals) {

    static Call get(String pathAndQuery) {
        return new Call("GET", pathAndQuery, null, Map.of(), true, false, null, null, true);
    }

    static Call post(String pathAndQuery, Object body) {
        return new Call("POST", pathAndQuery, body == null ? null : Json.MAPPER.writeValueAsBytes(body), Map.of(),
                false, false, null, null, true);
    }

    static Call delete(String pathAndQuery) {
        return new Call("DELETE", pathAndQuery, null, Map.of(), true, false, null, null, true);
    }

    Call asIdempotent() {
        return new Call(method, pathAndQuery, body, headers, true, stream, timeout, okStatuses, retryRefusals);
    }

    Call header(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Call(method, pathAndQuery, body, Map.copyOf(more), idempotent, stream, timeout, okStatuses, retryRefusals);
    }

    Call streamed() {
        return new Call(method, pathAndQuery, body, headers, idempotent, true, timeout, okStatuses, retryRefusals);
    }

    Call timeout(Duration timeout) {
        return new Call(method, pathAndQuery, body, headers, idempotent, stream, timeout, okStatuses, retryRefusals);
    }

    Call alsoOk(int... statuses) {
        return new Call(method, pathAndQuery, body, headers, idempotent, stream, timeout, statuses, retryRefusals);
    }

    Call refusalsNotRetried() {
        return new Call(method, pathAndQuery, body, headers, idempotent, stream, timeout, okStatuses, false);
    }

    boolean isOk(int status) {
        if (status >= 200 && status < 300) {
            return true;
        }
        if (okStatuses != null) {
            for (int ok : okStatuses) {
                if (ok == status) {
                    return true;
                }
            }
        }
        return false;
    }
}
