package dev.pausepoint.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report's lines are compared with earlier runs' by eye and by diff, so their format is fixed: the
 * expected lines below are copied from the output of a run before the benchmark was split into phases.
 */
class ReportTest {

    @Test
    void printsEachFigureBesideItsTargetInTheColumnsOfEarlierRuns() {
        Report report = new Report();
        report.figure("services from start to /health ok (Kafka, Postgres, Redis already up)", "%.0f s", 16.2,
                "≤ 60 s for the whole stack from cold", true);
        report.note("  the five services: %.0f MiB".formatted(959.4));
        report.figure("gateway requests/s ÷ bare Spring Cloud Gateway with RedisRateLimiter", "%.2f", 0.6712,
                "≥ 1.0", false);

        assertThat(printed(report, true)).containsExactly(
                "",
                "PausePoint benchmark (--quick: short phases, indicative only), "
                        + Runtime.getRuntime().availableProcessors() + " cores, load generator in the same machine",
                "ok   services from start to /health ok (Kafka, Postgres, Redis already up)                        16 s   target ≤ 60 s for the whole stack from cold",
                "       the five services: 959 MiB",
                "MISS gateway requests/s ÷ bare Spring Cloud Gateway with RedisRateLimiter                         0.67   target ≥ 1.0");
    }

    @Test
    void aFullRunSaysNothingAboutQuickPhases() {
        assertThat(printed(new Report(), false)).containsExactly("", "PausePoint benchmark, "
                + Runtime.getRuntime().availableProcessors() + " cores, load generator in the same machine");
    }

    private static List<String> printed(Report report, boolean quick) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            report.print(quick);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
