package dev.pausepoint.benchmark.curves;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurveReportTest {

    private static final Series RATE = Series.of("creates/s", "/s", "%.0f").with(0, 600).with(1_000_000, 580);
    private static final Series P99 = Series.of("poll p99", "ms", "%.1f").with(0, 8).with(1_000_000, 30);

    private static Curve curve() {
        return new Curve("stored-pauses", "Create, poll and list with pauses stored", "pauses stored", "%,.0f",
                "flat with 0, 1 M and 5 M pauses stored", List.of(RATE, P99),
                List.of(Shape.flat(RATE, 1.25, 0), Shape.flat(P99, 1.5, 5)), List.of("seeded by SQL"));
    }

    @Test
    void theTableHasARowPerSizeAndAColumnPerSeries() {
        assertThat(curve().table()).containsExactly(
                List.of("pauses stored", "creates/s (/s)", "poll p99 (ms)"),
                List.of("0", "600", "8.0"),
                List.of("1,000,000", "580", "30.0"));
    }

    @Test
    void theConsoleShowsTheTableInColumnsWithTheVerdicts() {
        assertThat(CurveReport.console(curve()).lines().toList()).containsExactly(
                "Create, poll and list with pauses stored (expected: flat with 0, 1 M and 5 M pauses stored)",
                "  pauses stored   creates/s (/s)   poll p99 (ms)",
                "  0                          600             8.0",
                "  1,000,000                  580            30.0",
                "  yes: creates/s flat: from 580 /s to 600 /s (×1.03; allowed ×1.25)",
                "  NO: poll p99 flat: from 8.0 ms to 30.0 ms (×3.75; allowed ×1.50 + 5.0 ms)",
                "  seeded by SQL");
    }

    @Test
    void theMarkdownNamesTheCommandLinksEachChartAndSaysWhetherEachCurveIsAsExpected() {
        CurveReport report = new CurveReport("./run-benchmark --curves", "Run 2026-11-30 11:00 UTC.",
                List.of("`LONG_POLL_MAX_PER_INSTANCE=11000`"));
        report.add(curve());
        report.failed("webhook-backlog", "java.lang.IllegalStateException: down");

        String markdown = report.markdown();

        assertThat(markdown).contains("Command: `./run-benchmark --curves`  \nRun 2026-11-30 11:00 UTC.")
                .contains("- `LONG_POLL_MAX_PER_INSTANCE=11000`")
                .contains("| [Create, poll and list with pauses stored](#create-poll-and-list-with-pauses-stored) "
                        + "| flat with 0, 1 M and 5 M pauses stored | **no** |")
                .contains("| webhook-backlog | | not measured |")
                .contains("## Create, poll and list with pauses stored")
                .contains("- **Not as expected**: poll p99, flat: from 8.0 ms to 30.0 ms")
                .contains("| pauses stored | creates/s (/s) | poll p99 (ms) |\n|---|---|---|\n| 0 | 600 | 8.0 |")
                .contains("![Create, poll and list with pauses stored](cost-curve-stored-pauses.png)")
                .contains("## Not measured\n\n- webhook-backlog: java.lang.IllegalStateException: down");
    }

    @Test
    void anchorsAreGitHubs() {
        assertThat(CurveReport.anchor("Timeout sweeper lateness with a batch expiring in one second"))
                .isEqualTo("timeout-sweeper-lateness-with-a-batch-expiring-in-one-second");
        assertThat(CurveReport.anchor("Parked long-polls: memory and wake latency"))
                .isEqualTo("parked-long-polls-memory-and-wake-latency");
    }
}
