package dev.pausepoint.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a call is tried again, and after how long.
 *
 * <ul>
 *   <li>{@code 429}: always, since the gateway refused the request before anything was done; after its
 *       {@code Retry-After}, or the backoff when it sent none.</li>
 *   <li>{@code 503} with {@code Retry-After} (a limit of an instance): only for idempotent calls, since a
 *       {@code 503} can also mean a service died while handling the request.</li>
 *   <li>A connection that could not be made: always (nothing was sent). Any other transport failure
 *       (a reset, a timeout): only for idempotent calls, since the server may have acted on it.</li>
 * </ul>
 *
 * A {@code Retry-After} longer than {@code maxRetryAfter} is not waited out: the call fails at once with
 * the answer's exception, whose {@code retryAfter()} tells the caller when to come back. Connection
 * failures back off exponentially from {@value #BASE_BACKOFF_MILLIS} ms, doubling up to
 * {@value #MAX_BACKOFF_MILLIS} ms, each wait drawn between half and all of that ("equal jitter") so that
 * many clients failing together do not retry together.
 */
final class RetryPolicy {

    static final long BASE_BACKOFF_MILLIS = 250;
    static final long MAX_BACKOFF_MILLIS = 8_000;

    private final int maxRetries;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;

    RetryPolicy(int maxRetries, Duration maxRetryAfter, DoubleSupplier random) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be at least 0");
        }
        this.maxRetries = maxRetries;
        this.maxRetryAfter = maxRetryAfter;
        this.random = random;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first) after an error answer, or empty when the
     * answer stands.
     */
    Optional<Duration> afterAnswer(int status, Duration retryAfter, int retry, boolean idempotent) {
        if (retry > maxRetries) {
            return Optional.empty();
        }
        boolean retryable = status == 429 || (status == 503 && idempotent && retryAfter != null);
        if (!retryable) {
            return Optional.empty();
        }
        if (retryAfter == null) {
            return Optional.of(backoff(retry));
        }
        return retryAfter.compareTo(maxRetryAfter) > 0 ? Optional.empty() : Optional.of(retryAfter);
    }

    /** The wait before retry number {@code retry} after a transport failure, or empty to give up. */
    Optional<Duration> afterFailure(Throwable failure, int retry, boolean idempotent) {
        if (retry > maxRetries) {
            return Optional.empty();
        }
        boolean neverSent = failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException;
        boolean retryable = neverSent || (idempotent && failure instanceof IOException);
        return retryable ? Optional.of(backoff(retry)) : Optional.empty();
    }

    Duration backoff(int retry) {
        long ceiling = Math.min(MAX_BACKOFF_MILLIS, BASE_BACKOFF_MILLIS << Math.min(retry - 1, 20));
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }
}
