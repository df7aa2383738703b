package dev.pausepoint.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Drives HTTP load without blocking a thread per request. The open model sends at a fixed rate and
 * measures each latency from the moment the request was due, so a stalled server shows up in the
 * figures instead of slowing the generator down (no coordinated omission). The closed model keeps a
 * fixed number of requests in flight, for the highest sustainable rate.
 */
public final class Load {

    /** Latencies in microseconds, and how the requests ended. */
    public record Result(Histogram micros, long ok, long failed, Duration elapsed, Map<String, Long> outcomes) {

        public double perSecond() {
            return ok / (elapsed.toNanos() / 1e9);
        }

        public double millis(double percentile) {
            return micros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final HttpClient http;
    private final Executor threads;

    /**
     * {@code threads} runs the closed model's next request. Without it, CompletableFuture's async stages
     * fall back to a new thread per task when the common pool has one thread (as on 2 cores): the
     * generator then started ~500 threads a second and took CPU from the system it measures.
     */
    Load(HttpClient http, Executor threads) {
        this.http = http;
        this.threads = threads;
    }

    /**
     * {@code perSecond} requests a second for {@code duration}; request {@code i} is built by
     * {@code request}, and {@code onAnswer} sees each answer with its index (and the nano time it was due).
     */
    public Result open(int perSecond, Duration duration, LongFunction<HttpRequest> request,
            BiConsumer<Long, HttpResponse<String>> onAnswer) {
        Tally tally = new Tally();
        long count = perSecond * duration.toSeconds();
        long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
        for (long i = 0; i < count; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long index = i;
            pending.add(http.sendAsync(request.apply(i), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((answer, failure) -> {
                        tally.record(System.nanoTime() - due, answer, failure);
                        if (answer != null && onAnswer != null) {
                            onAnswer.accept(index, answer);
                        }
                    }));
        }
        pending.forEach(future -> future.exceptionally(failure -> null).join());
        return tally.result(Duration.ofNanos(System.nanoTime() - start));
    }

    /** {@code concurrency} requests always in flight for {@code duration}. */
    public Result closed(int concurrency, Duration duration, LongFunction<HttpRequest> request) {
        Tally tally = new Tally();
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        CompletableFuture<?>[] loops = new CompletableFuture<?>[concurrency];
        for (int i = 0; i < concurrency; i++) {
            loops[i] = loop(request, sequence, deadline, tally);
        }
        CompletableFuture.allOf(loops).join();
        return tally.result(Duration.ofNanos(System.nanoTime() - start));
    }

    private CompletableFuture<Void> loop(LongFunction<HttpRequest> request, AtomicLong sequence, long deadline,
            Tally tally) {
        if (System.nanoTime() >= deadline) {
            return CompletableFuture.completedFuture(null);
        }
        long sent = System.nanoTime();
        return http.sendAsync(request.apply(sequence.getAndIncrement()), HttpResponse.BodyHandlers.ofString())
                .handle((answer, failure) -> {
                    tally.record(System.nanoTime() - sent, answer, failure);
                    return null;
                })
                .thenComposeAsync(ignored -> loop(request, sequence, deadline, tally), threads);
    }

    /** Counts and latencies, safe to record from the client's threads. */
    private static final class Tally {
        private final ConcurrentHistogram micros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(2), 3);
        private final AtomicLong ok = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final Map<String, Long> outcomes = new ConcurrentHashMap<>();

        void record(long nanos, HttpResponse<String> answer, Throwable failure) {
            micros.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), micros.getHighestTrackableValue()));
            String outcome = failure != null ? failure.getClass().getSimpleName() : String.valueOf(answer.statusCode());
            outcomes.merge(outcome, 1L, Long::sum);
            (failure == null && answer.statusCode() / 100 == 2 ? ok : failed).incrementAndGet();
        }

        Result result(Duration elapsed) {
            return new Result(micros.copy(), ok.get(), failed.get(), elapsed, Map.copyOf(outcomes));
        }
    }
}
