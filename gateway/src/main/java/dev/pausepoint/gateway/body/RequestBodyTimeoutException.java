package dev.pausepoint.gateway.body;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.RetryLaterException;
import java.time.Duration;
import java.util.Map;

/**
 * 408 for a body that did not arrive in time. The connection ends with the answer: the rest of the body
 * may still be on its way, and nothing on the connection after it could be read as the next request.
 */
class RequestBodyTimeoutException extends ApiException {

    RequestBodyTimeoutException(Duration timeout) {
        super(ErrorCode.REQUEST_TIMEOUT, "The request body did not arrive within "
                + RetryLaterException.seconds(timeout) + " s of the request headers; the connection is closed.");
    }

    @Override
    public Map<String, String> responseHeaders() {
        return Map.of("Connection", "close");
    }
}
