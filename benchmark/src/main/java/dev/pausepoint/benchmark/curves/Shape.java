package dev.pausepoint.benchmark.curves;

import java.util.List;

/**
 * The shapes performance.md expects of a curve, checked against measured points. A run on a shared 2-core
 * machine is noisy, so each check allows a stated tolerance and says in its verdict how far the figures
 * went: the verdict is read by a person beside the table, not asserted.
 */
public final class Shape {

    /** A straight line must explain at least this share of the variance for three or more points. */
    static final double LINEAR_FIT = 0.95;

    private Shape() {
    }

    /**
     * Flat: the largest value is at most {@code tolerance} times the smallest, plus {@code slack} (in the
     * series' unit: below it, differences are noise, e.g. 2 ms on a 4 ms p99).
     */
    public static Verdict flat(Series series, double tolerance, double slack) {
        List<Series.Point> points = measured(series);
        double min = points.stream().mapToDouble(Series.Point::y).min().orElseThrow();
        double max = points.stream().mapToDouble(Series.Point::y).max().orElseThrow();
        boolean holds = max <= min * tolerance + slack;
        return new Verdict(series.label(), "flat", holds, "from %s to %s (%s; allowed ×%.2f%s)".formatted(
                value(series, min), value(series, max), min > 0 ? "×%.2f".formatted(max / min) : "from zero",
                tolerance, slack > 0 ? " + " + value(series, slack) : ""));
    }

    /**
     * At most linear in x. With two points: the value grows by no more than {@code tolerance} times the
     * factor x grew by. With three or more: a least-squares line explains at least {@link #LINEAR_FIT} of
     * the variance (its slope, per 1,000, is reported), or the series is flat within {@code tolerance}, which is better.
     */
    public static Verdict linear(Series series, double tolerance) {
        List<Series.Point> points = measured(series);
        if (points.size() < 2) {
            throw new IllegalArgumentException(series.label() + ": a shape needs two points, has " + points.size());
        }
        if (points.size() == 2) {
            Series.Point first = points.get(0);
            Series.Point last = points.get(1);
            double xGrowth = last.x() / first.x();
            double yGrowth = last.y() / first.y();
            return new Verdict(series.label(), "at most linear", yGrowth <= xGrowth * tolerance,
                    "×%.2f for ×%.2f as much work (%s to %s; allowed ×%.2f)".formatted(yGrowth, xGrowth,
                            value(series, first.y()), value(series, last.y()), xGrowth * tolerance));
        }
        Fit fit = Fit.of(points);
        Verdict flat = flat(series, tolerance, 0);
        if (fit.r2() < LINEAR_FIT && flat.holds()) {
            return new Verdict(series.label(), "at most linear", true, "flat, " + flat.because());
        }
        return new Verdict(series.label(), "linear", fit.r2() >= LINEAR_FIT, "%s per 1,000 more, r² %.3f (needs %.2f)"
                .formatted(value(series, fit.slope() * 1000), fit.r2(), LINEAR_FIT));
    }

    /** The value at {@code x} is at most {@code bound}. */
    public static Verdict atMost(Series series, double x, double bound, String where) {
        double value = series.at(x);
        return new Verdict(series.label(), "≤ " + value(series, bound) + " " + where, !Double.isNaN(value)
                && value <= bound, Double.isNaN(value) ? "not measured" : value(series, value));
    }

    /** The least-squares line through the points, and the share of the variance it explains. */
    record Fit(double slope, double intercept, double r2) {

        static Fit of(List<Series.Point> points) {
            int n = points.size();
            double meanX = points.stream().mapToDouble(Series.Point::x).average().orElseThrow();
            double meanY = points.stream().mapToDouble(Series.Point::y).average().orElseThrow();
            double sxy = 0;
            double sxx = 0;
            double syy = 0;
            for (Series.Point point : points) {
                sxy += (point.x() - meanX) * (point.y() - meanY);
                sxx += (point.x() - meanX) * (point.x() - meanX);
                syy += (point.y() - meanY) * (point.y() - meanY);
            }
            double slope = sxy / sxx;
            // Every value equal: a horizontal line explains it all.
            double r2 = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
            return new Fit(slope, meanY - slope * meanX, n > 1 ? r2 : 1);
        }
    }

    private static List<Series.Point> measured(Series series) {
        List<Series.Point> points = series.points().stream().filter(point -> !Double.isNaN(point.y())).toList();
        if (points.isEmpty()) {
            throw new IllegalArgumentException(series.label() + " has no measured point");
        }
        return points;
    }

    private static String value(Series series, double value) {
        return String.format(series.format(), value) + (series.unit().isEmpty() ? "" : " " + series.unit());
    }
}
