package dev.pausepoint.benchmark.curves;

import dev.pausepoint.benchmark.Client;
import dev.pausepoint.benchmark.Developer;
import dev.pausepoint.benchmark.Load;
import dev.pausepoint.benchmark.Stack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * One cost curve: varies one size, measures at each, and returns the {@link Curve} with its verdicts. A
 * curve that throws is reported as not measured and the run goes on with the next.
 */
abstract class CostCurve {

    /** What every curve works with: the running stack, its client, the developer, the sizes. */
    record Bench(Stack stack, Client client, Developer developer, String webhookUrl, CurveSizes sizes,
            Duration warmUpLimit) {
    }

    private final String name;
    protected final Stack stack;
    protected final Client client;
    protected final Load load;
    protected final Developer developer;
    protected final CurveSizes sizes;
    /** How long a curve may warm JVMs it starts until their compilers settle ({@code JitSettling#limit}). */
    protected final Duration warmUpLimit;

    /** {@code name} as {@code --curves=} takes it and the chart's file is named. */
    CostCurve(String name, Bench bench) {
        this.name = name;
        this.stack = bench.stack();
        this.client = bench.client();
        this.load = bench.client().load();
        this.developer = bench.developer();
        this.sizes = bench.sizes();
        this.warmUpLimit = bench.warmUpLimit();
    }

    final String name() {
        return name;
    }

    abstract Curve measure() throws Exception;

    /** A read through the gateway with the developer's test key. */
    final HttpRequest get(URI gateway, String path, Duration timeout) {
        return HttpRequest.newBuilder(gateway.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + developer.testKey).GET().build();
    }

    static void progress(String text) {
        System.out.println("cost curves: " + text);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
