package dev.pausepoint.errors;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id that ties a client's error report to our log lines. The gateway accepts a
 * well-formed {@code X-Request-Id} from the client (so callers can correlate), otherwise makes one,
 * and forwards it; services log it under the MDC key {@value #MDC_KEY}.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    /** Attribute under which the reactive stack keeps the id on the exchange. */
    public static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {
    }

    public static String accept(String incoming) {
        return incoming != null && ACCEPTED.matcher(incoming).matches() ? incoming : generate();
    }

    public static String generate() {
        return "req_" + UUID.randomUUID().toString().replace("-", "");
    }
}
