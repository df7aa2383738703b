package dev.pausepoint.benchmark.curves;

import java.util.ArrayList;
import java.util.List;

/**
 * One measured quantity along a curve: {@code label} names it in the table and the chart's legend,
 * {@code unit} groups it onto a chart panel with the others of its unit, {@code format} prints a value.
 */
public record Series(String label, String unit, String format, List<Point> points) {

    public record Point(double x, double y) {
    }

    public Series {
        points = List.copyOf(points);
    }

    /** An empty series to fill with {@link #with}. */
    public static Series of(String label, String unit, String format) {
        return new Series(label, unit, format, List.of());
    }

    public Series with(double x, double y) {
        List<Point> more = new ArrayList<>(points);
        more.add(new Point(x, y));
        return new Series(label, unit, format, more);
    }

    /** The value at {@code x}, or NaN where this series was not measured. */
    public double at(double x) {
        return points.stream().filter(point -> point.x() == x).mapToDouble(Point::y).findFirst().orElse(Double.NaN);
    }

    public String formatted(double x) {
        double value = at(x);
        return Double.isNaN(value) ? "–" : String.format(format, value);
    }
}
