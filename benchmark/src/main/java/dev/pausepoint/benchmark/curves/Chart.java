package dev.pausepoint.benchmark.curves;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A curve as a PNG: one panel per unit (creates/s apart from milliseconds), all sharing the x axis, each
 * series a line through its measured points. Drawn headless, so it runs on a machine without a display.
 */
public final class Chart {

    static final int WIDTH = 900;
    /** Dark enough to read on white (the default palette has a pale yellow). */
    private static final Color[] PALETTE = {new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e), new Color(0x17becf), new Color(0x8c564b), new Color(0x7f7f7f)};
    static final int PANEL_HEIGHT = 280;

    private Chart() {
    }

    public static void write(Curve curve, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, XYSeriesCollection> byUnit = new LinkedHashMap<>();
        for (Series series : curve.series()) {
            XYSeries line = new XYSeries(series.label(), false);
            series.points().stream().filter(point -> !Double.isNaN(point.y()))
                    .forEach(point -> line.add(point.x(), point.y()));
            byUnit.computeIfAbsent(series.unit(), unit -> new XYSeriesCollection()).addSeries(line);
        }
        NumberAxis x = new NumberAxis(curve.xLabel());
        x.setAutoRangeIncludesZero(true);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(12);
        int[] colour = {0};
        byUnit.forEach((unit, lines) -> {
            plot.add(panel(unit, lines, colour[0]), 1);
            colour[0] += lines.getSeriesCount();
        });
        JFreeChart chart = new JFreeChart(curve.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, PANEL_HEIGHT * Math.max(1, byUnit.size()) + 80);
    }

    /** {@code firstColour} continues the palette from the panel above, so no two series share a colour. */
    private static XYPlot panel(String unit, XYSeriesCollection lines, int firstColour) {
        NumberAxis y = new NumberAxis(unit);
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < lines.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesPaint(i, PALETTE[(firstColour + i) % PALETTE.length]);
        }
        // No domain axis of its own: the combined plot the panel joins shares one across its panels.
        XYPlot panel = new XYPlot();
        panel.setDataset(lines);
        panel.setRangeAxis(y);
        panel.setRenderer(renderer);
        panel.setBackgroundPaint(Color.WHITE);
        panel.setDomainGridlinePaint(Color.LIGHT_GRAY);
        panel.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return panel;
    }

    /** The file name of a curve's chart, next to the report. */
    public static String fileName(Curve curve) {
        return "cost-curve-" + curve.name() + ".png";
    }
}
