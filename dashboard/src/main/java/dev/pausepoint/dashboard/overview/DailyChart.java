package dev.pausepoint.dashboard.overview;

import dev.pausepoint.dashboard.pauses.PausesApi.Day;
import java.util.ArrayList;
import java.util.List;

/**
 * The overview's chart of pauses per day by outcome, laid out here so the page draws it as plain SVG
 * rectangles (no script, nothing for the Content-Security-Policy to allow): one stacked bar a day,
 * answered at the bottom, then timed out, cancelled and still pending, scaled to the busiest day.
 */
public record DailyChart(List<Bar> bars, long most, int width, int height) {

    static final int BAR_WIDTH = 10;
    static final int GAP = 4;
    static final int HEIGHT = 120;

    /** One piece of a bar: its outcome (the CSS class that colours it), where it starts, how tall it is. */
    public record Segment(String outcome, int y, int height, long count) {
    }

    /** One day: where its bar stands, its pieces, and a label for assistive technology and tooltips. */
    public record Bar(int x, String date, long created, List<Segment> segments, String label) {
    }

    public static DailyChart of(List<Day> days) {
        long most = Math.max(1, days.stream().mapToLong(Day::created).max().orElse(0));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            List<Segment> segments = new ArrayList<>();
            int top = HEIGHT;
            top = add(segments, "responded", day.responded(), most, top);
            top = add(segments, "timed-out", day.timedOut(), most, top);
            top = add(segments, "cancelled", day.cancelled(), most, top);
            add(segments, "pending", day.pending(), most, top);
            String label = day.date() + ": " + day.created() + " created, " + day.responded() + " answered, "
                    + day.timedOut() + " timed out, " + day.cancelled() + " cancelled, " + day.pending() + " pending";
            bars.add(new Bar(i * (BAR_WIDTH + GAP), day.date().toString(), day.created(), segments, label));
        }
        return new DailyChart(bars, most, Math.max(1, days.size() * (BAR_WIDTH + GAP) - GAP), HEIGHT);
    }

    private static int add(List<Segment> segments, String outcome, long count, long most, int top) {
        if (count == 0) {
            return top;
        }
        int height = Math.max(1, (int) Math.round((double) count * HEIGHT / most));
        segments.add(new Segment(outcome, top - height, height, count));
        return top - height;
    }

    public int barWidth() {
        return BAR_WIDTH;
    }

    public long total() {
        return bars.stream().mapToLong(Bar::created).sum();
    }
}
