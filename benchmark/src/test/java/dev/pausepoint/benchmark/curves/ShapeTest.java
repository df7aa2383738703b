package dev.pausepoint.benchmark.curves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShapeTest {

    private static Series series(double... xy) {
        Series series = Series.of("p99", "ms", "%.1f");
        for (int i = 0; i < xy.length; i += 2) {
            series = series.with(xy[i], xy[i + 1]);
        }
        return series;
    }

    @Test
    void flatHoldsWithinTheToleranceAndFailsBeyondIt() {
        Verdict within = Shape.flat(series(0, 10, 1_000_000, 12, 5_000_000, 14.9), 1.5, 0);
        Verdict beyond = Shape.flat(series(0, 10, 1_000_000, 12, 5_000_000, 15.1), 1.5, 0);

        assertThat(within.holds()).isTrue();
        assertThat(within.because()).isEqualTo("from 10.0 ms to 14.9 ms (×1.49; allowed ×1.50)");
        assertThat(beyond.holds()).isFalse();
        assertThat(beyond.line()).startsWith("NO: p99 flat: from 10.0 ms to 15.1 ms (×1.51");
    }

    @Test
    void flatForgivesDifferencesUnderTheSlack() {
        assertThat(Shape.flat(series(0, 2, 1, 6.9), 1.5, 4).holds()).isTrue();
        assertThat(Shape.flat(series(0, 2, 1, 7.1), 1.5, 4).holds()).isFalse();
    }

    @Test
    void flatIgnoresSizesThatWereNotMeasured() {
        assertThat(Shape.flat(series(0, 10, 1, Double.NaN, 2, 11), 1.2, 0).holds()).isTrue();
    }

    @Test
    void twoPointsAreLinearWhenTheValueGrowsNoFasterThanTheWork() {
        Verdict proportional = Shape.linear(series(10_000, 1.0, 50_000, 5.0), 1.5);
        Verdict superlinear = Shape.linear(series(10_000, 1.0, 50_000, 7.6), 1.5);

        assertThat(proportional.holds()).isTrue();
        assertThat(proportional.because()).isEqualTo("×5.00 for ×5.00 as much work (1.0 ms to 5.0 ms; allowed ×7.50)");
        assertThat(superlinear.holds()).isFalse();
    }

    @Test
    void threePointsAreLinearWhenALineExplainsThem() {
        Verdict line = Shape.linear(series(0, 100, 2_500, 350, 5_000, 610, 7_500, 840, 10_000, 1_100), 1.5);
        Verdict quadratic = Shape.linear(series(0, 0, 1, 1, 2, 4, 3, 9, 4, 16, 5, 25, 6, 36, 7, 49, 8, 64, 9, 81, 10,
                1_000), 1.5);

        assertThat(line.holds()).isTrue();
        assertThat(line.expected()).isEqualTo("linear");
        assertThat(line.because()).isEqualTo("99.6 ms per 1,000 more, r² 1.000 (needs 0.95)");
        assertThat(quadratic.holds()).isFalse();
    }

    @Test
    void aFlatSeriesIsBetterThanLinear() {
        Verdict flat = Shape.linear(series(0, 100, 1, 101, 2, 99, 3, 100.5), 1.5);

        assertThat(flat.holds()).isTrue();
        assertThat(flat.expected()).isEqualTo("at most linear");
        assertThat(flat.because()).startsWith("flat, from 99.0 ms to 101.0 ms");
    }

    @Test
    void atMostReadsTheValueAtTheGivenSize() {
        Series p99 = series(10_000, 1.9, 50_000, 9);

        assertThat(Shape.atMost(p99, 10_000, 2, "with 10,000").holds()).isTrue();
        assertThat(Shape.atMost(p99, 50_000, 2, "with 50,000").holds()).isFalse();
        Verdict missing = Shape.atMost(p99, 20_000, 2, "with 20,000");
        assertThat(missing.holds()).isFalse();
        assertThat(missing.because()).isEqualTo("not measured");
    }

    @Test
    void aShapeNeedsMeasuredPoints() {
        assertThatThrownBy(() -> Shape.flat(series(0, Double.NaN), 1.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shape.linear(series(0, 1), 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
