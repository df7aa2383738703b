package dev.pausepoint.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Duration CAP = Duration.ofSeconds(60);

    private final RetryPolicy lowest = new RetryPolicy(3, CAP, () -> 0.0);
    private final RetryPolicy highest = new RetryPolicy(3, CAP, () -> 0.999_999);

    @Test
    void backoffDoublesFromTheBaseUpToItsCeilingWithEqualJitter() {
        assertThat(lowest.backoff(1)).isEqualTo(Duration.ofMillis(125));
        assertThat(highest.backoff(1)).isEqualTo(Duration.ofMillis(249));
        assertThat(lowest.backoff(2)).isEqualTo(Duration.ofMillis(250));
        assertThat(lowest.backoff(3)).isEqualTo(Duration.ofMillis(500));
        assertThat(highest.backoff(30)).isEqualTo(Duration.ofMillis(RetryPolicy.MAX_BACKOFF_MILLIS - 1));
        assertThat(lowest.backoff(30)).isEqualTo(Duration.ofMillis(RetryPolicy.MAX_BACKOFF_MILLIS / 2));
    }

    @Test
    void aRateLimitIsRetriedAfterItsRetryAfterForAnyCall() {
        assertThat(lowest.afterAnswer(429, Duration.ofSeconds(7), 1, false)).contains(Duration.ofSeconds(7));
        assertThat(lowest.afterAnswer(429, null, 1, false)).contains(Duration.ofMillis(125));
    }

    @Test
    void aRetryAfterBeyondTheCapIsNotWaitedOut() {
        assertThat(lowest.afterAnswer(429, CAP, 1, true)).contains(CAP);
        assertThat(lowest.afterAnswer(429, CAP.plusSeconds(1), 1, true)).isEmpty();
    }

    @Test
    void aServiceUnavailableIsRetriedOnlyWithRetryAfterAndOnlyForIdempotentCalls() {
        assertThat(lowest.afterAnswer(503, Duration.ofSeconds(5), 1, true)).contains(Duration.ofSeconds(5));
        assertThat(lowest.afterAnswer(503, Duration.ofSeconds(5), 1, false)).isEmpty();
        assertThat(lowest.afterAnswer(503, null, 1, true)).isEmpty();
    }

    @Test
    void otherErrorsAreNeverRetried() {
        for (int status : new int[] {400, 401, 402, 404, 409, 422, 500, 502}) {
            assertThat(lowest.afterAnswer(status, Duration.ofSeconds(1), 1, true)).as("" + status).isEmpty();
        }
    }

    @Test
    void retriesStopAtMaxRetries() {
        assertThat(lowest.afterAnswer(429, Duration.ofSeconds(1), 3, true)).isPresent();
        assertThat(lowest.afterAnswer(429, Duration.ofSeconds(1), 4, true)).isEmpty();
        assertThat(new RetryPolicy(0, CAP, () -> 0.0).afterFailure(new ConnectException(), 1, true)).isEmpty();
    }

    @Test
    void aConnectionNeverMadeIsRetriedForAnyCallAnotherFailureOnlyForIdempotentOnes() {
        assertThat(lowest.afterFailure(new ConnectException("refused"), 1, false)).isPresent();
        assertThat(lowest.afterFailure(new IOException("reset"), 1, true)).isPresent();
        assertThat(lowest.afterFailure(new IOException("reset"), 1, false)).isEmpty();
        assertThat(lowest.afterFailure(new HttpTimeoutException("timed out"), 1, false)).isEmpty();
        assertThat(lowest.afterFailure(new IllegalStateException("a bug"), 1, true)).isEmpty();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(Transport.retryAfter("5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Transport.retryAfter(" 1 ")).isEqualTo(Duration.ofSeconds(1));
        assertThat(Transport.retryAfter("Thu, 01 Jan 1970 00:00:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(Transport.retryAfter("-3")).isNull();
        assertThat(Transport.retryAfter("soon")).isNull();
        assertThat(Transport.retryAfter(null)).isNull();
    }
}
