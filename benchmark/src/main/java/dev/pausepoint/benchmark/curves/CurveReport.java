package dev.pausepoint.benchmark.curves;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cost curves of one run as text: a table per curve for the console, and the markdown report that sits
 * next to the charts in docs/benchmark/, with the command that produced it.
 */
public final class CurveReport {

    private final String command;
    private final String context;
    private final List<String> settings;
    private final List<Curve> curves = new ArrayList<>();
    private final Map<String, String> failures = new LinkedHashMap<>();

    /**
     * {@code command} is the exact command line of the run; {@code context} says when, on what and at which
     * commit; {@code settings} lists what the run set differently from the benchmark's usual stack.
     */
    public CurveReport(String command, String context, List<String> settings) {
        this.command = command;
        this.context = context;
        this.settings = List.copyOf(settings);
    }

    public void add(Curve curve) {
        curves.add(curve);
    }

    /** A curve that broke: reported as such, and the run goes on with the next. */
    public void failed(String name, String error) {
        failures.put(name, error);
    }

    /** One curve for the console: its table in aligned columns, then its verdicts and notes. */
    public static String console(Curve curve) {
        List<List<String>> table = curve.table();
        int[] widths = new int[table.get(0).size()];
        table.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder text = new StringBuilder(curve.title()).append(" (expected: ").append(curve.expected())
                .append(")\n");
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                text.append(i == 0 ? "  " : "   ").append(pad(row.get(i), widths[i], i > 0));
            }
            text.append('\n');
        }
        curve.verdicts().forEach(verdict -> text.append("  ").append(verdict.line()).append('\n'));
        curve.notes().forEach(note -> text.append("  ").append(note).append('\n'));
        return text.toString();
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("""
                # Cost curves: how cost grows as work grows

                Written by the benchmark's cost-curve run ([docs/benchmark.md](../benchmark.md#cost-curves)); \
                every figure below and every chart beside this file come from the one run named here. The \
                expected shapes are performance.md's ("How cost grows"); each verdict says whether the \
                measured curve has it, with the figures that decide. The figures are printed, never asserted.

                """);
        md.append("Command: `").append(command).append("`  \n").append(context).append("\n\n");
        if (!settings.isEmpty()) {
            md.append("What the run sets differently from the benchmark's usual stack:\n\n");
            settings.forEach(setting -> md.append("- ").append(setting).append('\n'));
            md.append('\n');
        }
        md.append("| curve | expected | as expected? |\n|---|---|---|\n");
        curves.forEach(curve -> md.append("| [").append(curve.title()).append("](#").append(anchor(curve.title()))
                .append(") | ").append(curve.expected()).append(" | ").append(curve.asExpected() ? "yes" : "**no**")
                .append(" |\n"));
        failures.forEach((name, error) -> md.append("| ").append(name).append(" | | not measured |\n"));
        for (Curve curve : curves) {
            md.append("\n## ").append(curve.title()).append("\n\n");
            md.append("Expected: ").append(curve.expected()).append(".\n\n");
            curve.verdicts().forEach(verdict -> md.append("- ").append(verdict.holds() ? "As expected" : "**Not as expected**")
                    .append(": ").append(verdict.series()).append(", ").append(verdict.expected()).append(": ")
                    .append(verdict.because()).append(".\n"));
            md.append('\n');
            List<List<String>> table = curve.table();
            md.append(row(table.get(0))).append(table.get(0).stream().map(cell -> "---")
                    .collect(Collectors.joining("|", "|", "|\n")));
            table.subList(1, table.size()).forEach(cells -> md.append(row(cells)));
            md.append("\n![").append(curve.title()).append("](").append(Chart.fileName(curve)).append(")\n");
            if (!curve.notes().isEmpty()) {
                md.append('\n');
                curve.notes().forEach(note -> md.append("- ").append(note).append('\n'));
            }
        }
        if (!failures.isEmpty()) {
            md.append("\n## Not measured\n\n");
            failures.forEach((name, error) -> md.append("- ").append(name).append(": ").append(error).append('\n'));
        }
        return md.toString();
    }

    private static String row(List<String> cells) {
        return cells.stream().map(cell -> cell.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static String pad(String cell, int width, boolean right) {
        String spaces = " ".repeat(width - cell.length());
        return right ? spaces + cell : cell + spaces;
    }
}
