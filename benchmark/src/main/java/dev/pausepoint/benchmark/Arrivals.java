package dev.pausepoint.benchmark;

import com.github.tomakehurst.wiremock.http.Request;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * When requests reached a stand-in server (Twilio, a webhook receiver), by a key read from each request,
 * so that a latency can be taken from the moment the benchmark started the work the request ends.
 */
final class Arrivals {

    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();

    /** Records every request to {@code outside} whose {@code key} is present, at its first arrival. */
    Arrivals(Outside outside, Function<Request, Optional<String>> key) {
        outside.listen((request, response) -> {
            long now = System.nanoTime();
            key.apply(request).ifPresent(k -> arrived.putIfAbsent(k, now));
        });
    }

    /** Webhook posts of {@code event}, by pause id. */
    static Arrivals webhooks(Outside outside, String event) {
        return new Arrivals(outside, request -> {
            if (!request.getUrl().startsWith("/hooks/")) {
                return Optional.empty();
            }
            JsonNode body = Client.JSON.readTree(request.getBodyAsString());
            return event.equals(body.path("event").asString()) ? Optional.of(body.path("pause_id").asString())
                    : Optional.empty();
        });
    }

    void started(String key, long nanoTime) {
        started.put(key, nanoTime);
    }

    int arrivedOf(Iterable<String> keys) {
        int count = 0;
        for (String key : keys) {
            count += arrived.containsKey(key) ? 1 : 0;
        }
        return count;
    }

    /**
     * Until {@code expected} of {@code keys} have arrived, for at most a minute: what is missing then is
     * left out of the latencies, and the phase's note says how many arrived.
     */
    void await(Iterable<String> keys, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (arrivedOf(keys) < expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Microseconds from start to arrival for every started key that arrived. */
    Histogram latencies() {
        Histogram micros = new Histogram(60_000_000L, 3);
        started.forEach((key, start) -> {
            Long end = arrived.get(key);
            if (end != null) {
                micros.recordValue(Math.max(0, (end - start) / 1000));
            }
        });
        return micros;
    }
}
