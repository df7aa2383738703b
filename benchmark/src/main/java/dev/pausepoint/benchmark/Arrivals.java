package dev.pausepoint.benchmark;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * When requests reached a stand-in server (Twilio, a webhook receiver), by a key read from each request,
 * so that a latency can be taken from the moment the benchmark started the work the request ends.
 */
final class Arrivals {

    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();

    /** Records every request to {@code server} whose {@code key} is present, at its first arrival. */
    Arrivals(WireMockServer server, Function<Request, Optional<String>> key) {
        server.addMockServiceRequestListener((request, response) -> {
            long now = System.nanoTime();
            key.apply(request).ifPresent(k -> arrived.putIfAbsent(k, now));
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
