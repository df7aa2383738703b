package dev.pausepoint.benchmark.curves;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One measured curve: the size varied along x ({@code xLabel}, printed with {@code xFormat}), the series
 * measured at each size, what performance.md says the curve should be ({@code expected}), the verdicts on
 * whether it is, and notes (settings, what could not be measured, what would change on a bigger machine).
 */
public record Curve(String name, String title, String xLabel, String xFormat, String expected, List<Series> series,
        List<Verdict> verdicts, List<String> notes) {

    public Curve {
        series = List.copyOf(series);
        verdicts = List.copyOf(verdicts);
        notes = List.copyOf(notes);
    }

    /** Every x any series was measured at, in order: the table's rows. */
    public List<Double> xs() {
        TreeSet<Double> xs = new TreeSet<>();
        series.forEach(one -> one.points().forEach(point -> xs.add(point.x())));
        return new ArrayList<>(xs);
    }

    /** The table as rows of cells, the header first. */
    public List<List<String>> table() {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add(xLabel);
        series.forEach(one -> header.add(one.label() + (one.unit().isEmpty() ? "" : " (" + one.unit() + ")")));
        rows.add(header);
        for (double x : xs()) {
            List<String> row = new ArrayList<>();
            row.add(String.format(xFormat, x));
            series.forEach(one -> row.add(one.formatted(x)));
            rows.add(row);
        }
        return rows;
    }

    /** Whether every verdict holds. */
    public boolean asExpected() {
        return verdicts.stream().allMatch(Verdict::holds);
    }
}
