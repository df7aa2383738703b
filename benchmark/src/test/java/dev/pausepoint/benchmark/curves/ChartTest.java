package dev.pausepoint.benchmark.curves;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartTest {

    @TempDir
    Path folder;

    private static Curve curve(Series... series) {
        return new Curve("stored-pauses", "Create, poll and list with pauses stored", "pauses stored", "%,.0f", "flat",
                List.of(series), List.of(), List.of());
    }

    @Test
    void drawsOnePanelPerUnitIntoAPng() throws Exception {
        Series rate = Series.of("creates/s", "/s", "%.0f").with(0, 600).with(1_000_000, 590).with(5_000_000, 580);
        Series p99 = Series.of("create p99", "ms", "%.0f").with(0, 30).with(1_000_000, 31).with(5_000_000, 35);
        Series poll = Series.of("poll p99", "ms", "%.0f").with(0, 8).with(5_000_000, 9);
        Path png = folder.resolve(Chart.fileName(curve(rate)));

        Chart.write(curve(rate, p99, poll), png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(png.getFileName().toString()).isEqualTo("cost-curve-stored-pauses.png");
        assertThat(image.getWidth()).isEqualTo(Chart.WIDTH);
        // Two units, two panels: the chart grows with them.
        assertThat(image.getHeight()).isEqualTo(2 * Chart.PANEL_HEIGHT + 80);
        assertThat(colours(image)).isGreaterThan(3);
    }

    @Test
    void aSeriesWithUnmeasuredSizesIsDrawnThroughTheOthers() throws Exception {
        Series wake = Series.of("wake p99", "ms", "%.0f").with(0, Double.NaN).with(10_000, 400);
        Path png = folder.resolve("wake.png");

        Chart.write(curve(wake), png);

        assertThat(ImageIO.read(png.toFile()).getHeight()).isEqualTo(Chart.PANEL_HEIGHT + 80);
    }

    /** Distinct colours in the image: a chart with lines, text and a legend has many, a blank one one. */
    private static long colours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
