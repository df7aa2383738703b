package dev.pausepoint.delivery.webhook;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.RetryLaterException;

/**
 * 429 for a test of an endpoint whose previous test has not been posted yet: each endpoint has at most one
 * test waiting, so repeated tests cannot queue posts (docs/api-decisions.md, "Delivery and webhooks").
 */
class TestEventPendingException extends RetryLaterException {

    TestEventPendingException(String webhookId) {
        super(ErrorCode.RATE_LIMITED, "The previous test event to webhook " + webhookId
                + " has not been posted yet; at most one test per endpoint waits to be posted. Retry after 1 s.", 1);
    }
}
