package dev.pausepoint.client;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Sends {@link Call}s: credentials and headers, retries by the {@link RetryPolicy}, error answers turned
 * into exceptions. Every call runs asynchronously; the blocking calls wait for it, and an interrupted
 * wait cancels it (which aborts the HTTP exchange).
 */
final class Transport {

    private static final System.Logger LOG = System.getLogger(PausePointClient.class.getName());

    private final HttpClient http;
    private final String baseUrl;
    private final String credential;
    private final Mode mode;
    private final Map<String, String> defaultHeaders;
    private final RetryPolicy retryPolicy;
    private final Duration requestTimeout;

    Transport(HttpClient http, URI baseUrl, String credential, Mode mode, Map<String, String> defaultHeaders,
            RetryPolicy retryPolicy, Duration requestTimeout) {
        this.http = http;
        String base = baseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.credential = credential;
        this.mode = mode;
        this.defaultHeaders = Map.copyOf(defaultHeaders);
        this.retryPolicy = retryPolicy;
        this.requestTimeout = requestTimeout;
    }

    Transport withCredential(String credential) {
        return new Transport(http, URI.create(baseUrl), credential, mode, defaultHeaders, retryPolicy, requestTimeout);
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    /** The answer of a successful call: the whole body, or its stream for a streamed call. */
    record Answer(int status, HttpResponse<Body> response) {
        byte[] bytes() {
            return response.body().bytes();
        }

        InputStream stream() {
            return response.body().stream();
        }
    }

    record Body(byte[] bytes, InputStream stream) {
    }

    <T> T send(Call call, Function<Answer, T> reader) {
        return await(sendAsync(call, reader));
    }

    <T> CompletableFuture<T> sendAsync(Call call, Function<Answer, T> reader) {
        Linked<T> exchange = new Linked<>();
        attempt(call, reader, exchange, 0);
        return exchange.result;
    }

    /** Waits for a future of this client, rethrowing its exception as it is. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PausePointConnectionException("interrupted while waiting for the answer", e);
        } catch (ExecutionException e) {
            throw asRuntime(e.getCause());
        }
    }

    static RuntimeException asRuntime(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof RuntimeException runtime ? runtime
                : new PausePointConnectionException(String.valueOf(cause.getMessage()), cause);
    }

    private <T> void attempt(Call call, Function<Answer, T> reader, Linked<T> exchange, int retries) {
        if (exchange.result.isDone()) {
            return;
        }
        CompletableFuture<HttpResponse<Body>> sent;
        try {
            sent = http.sendAsync(request(call), handler(call));
        } catch (RuntimeException refused) {
            // Thrown on a retry's timer thread it would be lost, and the caller would wait forever.
            exchange.result.completeExceptionally(refused);
            return;
        }
        if (!exchange.follow(sent)) {
            return;
        }
        sent.whenComplete((response, failure) -> {
            if (failure != null) {
                onFailure(call, reader, exchange, retries, unwrap(failure));
            } else {
                onAnswer(call, reader, exchange, retries, response);
            }
        });
    }

    private <T> void onFailure(Call call, Function<Answer, T> reader, Linked<T> exchange, int retries, Throwable failure) {
        if (failure instanceof CancellationException || exchange.result.isDone()) {
            return;
        }
        Optional<Duration> wait = retryPolicy.afterFailure(failure, retries + 1, call.idempotent());
        if (wait.isPresent()) {
            LOG.log(System.Logger.Level.DEBUG, () -> call.method() + " " + call.pathAndQuery() + " failed (" + failure
                    + "), retrying in " + wait.get().toMillis() + " ms");
            retryLater(call, reader, exchange, retries + 1, wait.get());
        } else {
            exchange.result.completeExceptionally(new PausePointConnectionException(
                    call.method() + " " + call.pathAndQuery() + " got no answer: " + failure, failure));
        }
    }

    private <T> void onAnswer(Call call, Function<Answer, T> reader, Linked<T> exchange, int retries,
            HttpResponse<Body> response) {
        int status = response.statusCode();
        if (call.isOk(status)) {
            try {
                exchange.result.complete(reader.apply(new Answer(status, response)));
            } catch (RuntimeException unreadable) {
                exchange.result.completeExceptionally(unreadable);
            }
            return;
        }
        Duration retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
        Optional<Duration> wait = call.retryRefusals()
                ? retryPolicy.afterAnswer(status, retryAfter, retries + 1, call.idempotent()) : Optional.empty();
        if (wait.isPresent()) {
            LOG.log(System.Logger.Level.DEBUG, () -> call.method() + " " + call.pathAndQuery() + " answered " + status
                    + ", retrying in " + wait.get().toMillis() + " ms");
            retryLater(call, reader, exchange, retries + 1, wait.get());
            return;
        }
        exchange.result.completeExceptionally(ErrorMapper.toException(status, response.body().bytes(),
                response.headers().firstValue("X-Request-Id").orElse(null), retryAfter));
    }

    private <T> void retryLater(Call call, Function<Answer, T> reader, Linked<T> exchange, int retries, Duration wait) {
        CompletableFuture<Void> delay = CompletableFuture.runAsync(() -> attempt(call, reader, exchange, retries),
                CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));
        exchange.follow(delay);
    }

    private HttpRequest request(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + call.pathAndQuery()))
                .timeout(call.timeout() == null ? requestTimeout : call.timeout())
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if (baseUrl.startsWith("http:")) {
            // The JDK asks a plain-http server to upgrade to HTTP/2 on every first request; the gateway
            // speaks HTTP/1.1, so the upgrade attempt would only cost.
            request.version(HttpClient.Version.HTTP_1_1);
        }
        request.header("User-Agent", "pausepoint-java-client");
        if (!call.stream()) {
            request.header("Accept", "application/json");
        }
        if (call.body() != null) {
            request.header("Content-Type", "application/json");
        }
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
        if (mode != null) {
            request.header("PausePoint-Mode", mode.wireName());
        }
        defaultHeaders.forEach(request::header);
        call.headers().forEach(request::header);
        return request.build();
    }

    private static BodyHandler<Body> handler(Call call) {
        return info -> call.stream() && call.isOk(info.statusCode())
                ? BodySubscribers.mapping(BodySubscribers.ofInputStream(), stream -> new Body(null, stream))
                : BodySubscribers.mapping(BodySubscribers.ofByteArray(), bytes -> new Body(bytes, null));
    }

    /** Whole seconds (what the API sends) or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
