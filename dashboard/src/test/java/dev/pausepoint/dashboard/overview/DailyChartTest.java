package dev.pausepoint.dashboard.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.dashboard.overview.DailyChart.Segment;
import dev.pausepoint.dashboard.pauses.PausesApi.Day;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyChartTest {

    private static Day day(int dayOfMonth, long pending, long responded, long timedOut, long cancelled) {
        return new Day(LocalDate.of(2026, 11, dayOfMonth), pending + responded + timedOut + cancelled, pending,
                responded, timedOut, cancelled);
    }

    @Test
    void theBusiestDayFillsTheChartAndEachOutcomeStacksFromTheBottom() {
        DailyChart chart = DailyChart.of(List.of(day(1, 0, 0, 0, 0), day(2, 10, 20, 5, 5), day(3, 0, 10, 0, 0)));
        assertThat(chart.most()).isEqualTo(40);
        assertThat(chart.bars()).hasSize(3);
        assertThat(chart.bars().get(0).segments()).as("an empty day draws nothing").isEmpty();
        List<Segment> busiest = chart.bars().get(1).segments();
        assertThat(busiest).extracting(Segment::outcome).containsExactly("responded", "timed-out", "cancelled", "pending");
        assertThat(busiest.get(0).y() + busiest.get(0).height()).as("answered at the bottom").isEqualTo(DailyChart.HEIGHT);
        for (int i = 1; i < busiest.size(); i++) {
            assertThat(busiest.get(i).y() + busiest.get(i).height()).as("each piece on the one below")
                    .isEqualTo(busiest.get(i - 1).y());
        }
        assertThat(busiest.get(busiest.size() - 1).y()).as("the busiest day reaches the top").isEqualTo(0);
        assertThat(chart.bars().get(2).segments()).singleElement().satisfies(segment ->
                assertThat(segment.height()).isEqualTo(DailyChart.HEIGHT / 4));
        assertThat(chart.bars().get(1).label()).isEqualTo(
                "2026-11-02: 40 created, 20 answered, 5 timed out, 5 cancelled, 10 pending");
        assertThat(chart.total()).isEqualTo(50);
    }

    @Test
    void aSinglePauseAmongThousandsStillShows() {
        DailyChart chart = DailyChart.of(List.of(day(1, 0, 5000, 0, 0), day(2, 0, 0, 1, 0)));
        assertThat(chart.bars().get(1).segments()).singleElement().satisfies(segment ->
                assertThat(segment.height()).isEqualTo(1));
    }

    @Test
    void noDaysIsAnEmptyChart() {
        DailyChart chart = DailyChart.of(List.of());
        assertThat(chart.bars()).isEmpty();
        assertThat(chart.total()).isZero();
        assertThat(chart.width()).isPositive();
    }
}
