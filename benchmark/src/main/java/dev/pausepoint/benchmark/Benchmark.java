package dev.pausepoint.benchmark;

import dev.pausepoint.benchmark.curves.CostCurves;
import java.util.Arrays;
import java.util.List;

/**
 * The performance targets (docs/benchmark.md), measured: starts the whole stack as the local run does
 * (real Postgres, Kafka and Redis, the five service jars as processes), drives it through the gateway
 * from this process, and prints each figure next to its target. Each measurement is a {@link Phase} of
 * its own; this class only puts them in order. {@code --quick} shortens every phase for a smoke run;
 * the figures that count come from a full run. {@code --only=create-throughput,gateway-overhead} runs
 * the warm-up and the named phases alone, which is how one phase is profiled. Nothing here asserts a
 * timing.
 */
public final class Benchmark {

    private final Options options;
    private final Report report = new Report();
    private final Client client = new Client();

    private Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals(KafkaBroker.FLAG)) {
            KafkaBroker.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int status = 0;
        try {
            new Benchmark(Options.parse(args)).run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        } finally {
            // The embedded Kafka broker's threads would keep the JVM alive.
            System.exit(status);
        }
    }

    private void run() throws Exception {
        if (options.curves().isPresent()) {
            curves(CostCurves.of(options.curves().get(), options.quick(), options.arguments()));
            return;
        }
        try (Stack stack = Stack.start(options.durablePostgres())) {
            if (options.durablePostgres()) {
                report.note("Postgres keeps what it commits (--durable-postgres: fsync and synchronous_commit on)");
            }
            new StartupFootprint(stack, report).measure();
            Developer developer = Developer.enterprise(stack, client);
            developer.registerWebhook(stack.outside().webhookUrl());
            for (Phase phase : phases(stack, developer)) {
                if (options.runs(phase.name())) {
                    measure(phase);
                }
            }
        }
        report.print(options.quick());
    }

    /** The cost curves instead of the phases (docs/benchmark/cost-curves.md), after the same warm-up. */
    private void curves(CostCurves curves) throws Exception {
        try (Stack stack = Stack.start(curves.environment(), options.durablePostgres())) {
            Developer developer = Developer.enterprise(stack, client);
            String webhook = stack.outside().webhookUrl();
            developer.registerWebhook(webhook);
            new WarmUp(new Harness(stack, client, developer, options, report)).run();
            curves.run(stack, client, developer, webhook);
        }
    }

    /**
     * In this order because each phase leaves the next a warm, idle stack: the settling pauses wait out
     * the fan-out a load phase leaves queued, and the JDBC baseline comes last, after the throughput it is
     * set against.
     */
    private List<Phase> phases(Stack stack, Developer developer) {
        Harness harness = new Harness(stack, client, developer, options, report);
        CreateThroughput throughput = new CreateThroughput(harness);
        return List.of(
                new WarmUp(harness),
                throughput,
                new Settling(harness, "after the throughput phase"),
                new CpuPerOperation(harness),
                new CreateLatency(harness),
                new Settling(harness, "after the latency phase"),
                new GatewayOverhead(harness),
                new Settling(harness, "after the overhead phase"),
                new GatewayAgainstBaseline(harness),
                new CreateToProvider(harness),
                new Settling(harness, "after the provider phase"),
                new ResponseToWebhook(harness),
                new Settling(harness, "after the webhook phase"),
                new TimeoutLateness(harness),
                new JdbcBaseline(harness, throughput::perSecond));
    }

    /** Runs one phase; one that breaks is reported as such and the others still run. */
    private void measure(Phase phase) {
        try {
            phase.run();
        } catch (Exception | AssertionError e) {
            report.note("  " + phase.name() + " could not be measured: " + e);
        }
    }
}
