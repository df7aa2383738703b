package dev.pausepoint.benchmark;

/**
 * The highest sustainable create rate: test pauses through the gateway with 64 requests always in
 * flight (closed model) for 60 s. Its rate is also the numerator of {@link JdbcBaseline}'s ratio.
 */
final class CreateThroughput extends Phase {

    private double perSecond;

    CreateThroughput(Harness harness) {
        super("create throughput", harness);
    }

    @Override
    void run() {
        System.out.println("create throughput (closed model)...");
        Load.Result result = load.closed(64, options.phase(60), i -> developer.createRequest(developer.testKey,
                "+1415" + (2000000 + i % 7000000), i));
        report.figure("pauses created per second, 64 in flight, " + result.elapsed().toSeconds() + " s", "%.0f /s",
                result.perSecond(), "≥ 1,000 /s, no errors", result.perSecond() >= 1000 && result.failed() == 0);
        report.note("  answers: " + result.outcomes() + "; p50 %.1f ms, p99 %.1f ms".formatted(result.millis(50),
                result.millis(99)));
        perSecond = result.perSecond();
    }

    /** Creates per second of the last run; 0 when the phase did not run. */
    double perSecond() {
        return perSecond;
    }
}
