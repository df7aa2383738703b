package dev.pausepoint.gateway.edge;

import dev.pausepoint.errors.ValidationException;
import java.util.Map;

/**
 * A request body whose chunked framing is broken. Like a request that is not HTTP, it is a 422 on the
 * connection's last answer: nothing after the break can be read.
 */
class MalformedBodyException extends ValidationException {

    MalformedBodyException() {
        super("body", "is not well-formed chunked transfer coding");
    }

    @Override
    public Map<String, String> responseHeaders() {
        return Map.of("Connection", "close");
    }
}
