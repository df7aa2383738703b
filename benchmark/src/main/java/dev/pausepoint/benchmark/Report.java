package dev.pausepoint.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The figures of a run, each beside its target (docs/benchmark.md), printed at the end. */
final class Report {

    private final List<String> lines = new ArrayList<>();

    void figure(String what, String format, double value, String target, boolean met) {
        lines.add(String.format("%-4s %-84s %12s   target %s", met ? "ok" : "MISS", what, String.format(format, value),
                target));
    }

    void note(String text) {
        lines.add("     " + text);
    }

    void print(boolean quick) {
        System.out.println();
        System.out.println("PausePoint benchmark" + (quick ? " (--quick: short phases, indicative only)" : "")
                + ", " + Runtime.getRuntime().availableProcessors() + " cores, load generator in the same machine");
        lines.forEach(System.out::println);
    }
}
