package dev.pausepoint.benchmark;

/**
 * Create latency at a steady 200 test pauses a second (open model: each latency counts from when the
 * request was due, so a stall cannot hide behind a slowed-down generator).
 */
final class CreateLatency extends Phase {

    CreateLatency(Harness harness) {
        super("create latency", harness);
    }

    @Override
    void run() {
        System.out.println("create latency at 200/s (open model)...");
        Load.Result result = load.open(200, options.phase(30), i -> developer.createRequest(developer.testKey,
                "+1416" + (2000000 + i), i), null);
        report.figure("create latency p99 at a steady 200 /s", "%.1f ms", result.millis(99), "≤ 25 ms",
                result.millis(99) <= 25);
        report.note("  p50 %.1f ms, p99.9 %.1f ms, max %.1f ms; answers %s".formatted(result.millis(50),
                result.millis(99.9), result.micros().getMaxValue() / 1000.0, result.outcomes()));
    }
}
